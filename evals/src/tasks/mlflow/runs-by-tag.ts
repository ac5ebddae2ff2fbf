import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, searchRuns, sorted } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/** Runs filtered by a tag value (which data version they trained on). */
export const runsByTag = defineTask({
  id: 'mlflow-runs-by-tag',
  question: (v: { experiment: string }) =>
    `Which runs in MLflow experiment "${v.experiment}" were trained on dataset version v3 (tag dataset_version)?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-demand-forecast`;
    const id = await createExperiment(ctx, experiment);
    const versions = ['v2', 'v3', 'v3', 'v2', 'v3-rc', 'v3'];
    for (const [i, version] of versions.entries()) {
      await createRun(ctx, id, {
        name: `forecast-${i}`,
        tags: { dataset_version: version, team: 'supply' },
        metrics: { mape: 0.1 + i / 100 },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: "tags.dataset_version = 'v3'",
    });
    return { runs: sorted(runs.map((run) => run.info.run_id)) };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, {
      experiment,
      tag: { key: 'dataset_version', value: 'v3' },
      limit: 100,
    });
    return { runs: sorted(items.map((item) => item.id)) };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, tag: { key: 'dataset_version', value: 'v3' }, limit: 100 });
return { runs: items.map((item) => item.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'runs tagged dataset_version=v3', answer.runs, truth.runs);
    return problems;
  },
});
