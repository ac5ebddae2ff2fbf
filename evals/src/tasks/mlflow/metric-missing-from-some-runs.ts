import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  expectEqual,
  metricOf,
  searchRuns,
  sorted,
} from './mlflow-rest.js';
import { experimentId, mlflowRuns } from './plan-helpers.js';

/** Which runs never logged the test metric (their evaluation step did not run). */
export const metricMissingFromSomeRuns = defineTask({
  id: 'mlflow-metric-missing-from-some-runs',
  question: (v: { experiment: string }) =>
    `Which runs in MLflow experiment "${v.experiment}" never logged test_accuracy?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-vision-benchmark`;
    const id = await createExperiment(ctx, experiment);
    const runs: [string, number | undefined][] = [
      ['vit-b16', 0.912],
      ['vit-l16', undefined],
      ['convnext-t', 0.897],
      ['resnet152', undefined],
      ['effnet-b3', 0.9],
      ['deit-s', 0],
    ];
    for (const [name, test] of runs) {
      await createRun(ctx, id, {
        name,
        metrics: { train_accuracy: 0.95, ...(test === undefined ? {} : { test_accuracy: test }) },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    return {
      missing: sorted(
        runs
          .filter((run) => metricOf(run, 'test_accuracy') === undefined)
          .map((run) => run.info.run_id),
      ),
    };
  },
  async plan(agent, { experiment }) {
    const id = await experimentId(agent, experiment);
    const runs = await mlflowRuns(agent, {
      experimentIds: [id],
      fields: ['id', 'name', 'metrics.test_accuracy'],
      limit: 200,
    });
    return {
      missing: sorted(
        runs.filter((run) => run.metrics?.test_accuracy === undefined).map((run) => run.id),
      ),
    };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items: [experiment] } = await mlflow.searchExperiments({ filter: "name = '" + ${JSON.stringify(experiment)} + "'" });
const { items } = await mlflow.searchRuns({ experimentIds: [experiment.id], fields: ['id', 'metrics.test_accuracy'], limit: 200 });
return { missing: items.filter((run) => run.metrics?.test_accuracy === undefined).map((run) => run.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'runs without test_accuracy', answer.missing, truth.missing);
    return problems;
  },
});
