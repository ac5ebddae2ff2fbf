import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, searchRuns, sorted } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

const DAY = 24 * 3_600_000;

/** Runs started within a window the user names (older ones must be left out). */
export const runsLastWeek = defineTask({
  id: 'mlflow-runs-last-week',
  question: (v: { experiment: string }) =>
    `Which runs were started in the last 7 days in MLflow experiment "${v.experiment}"?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-recsys`;
    const id = await createExperiment(ctx, experiment);
    const now = Date.now();
    for (const [name, daysAgo] of [
      ['two-tower-a', 1],
      ['two-tower-b', 3],
      ['dlrm-a', 6],
      ['dlrm-old', 9],
      ['mf-baseline', 30],
    ] as const) {
      await createRun(ctx, id, { name, startTime: now - daysAgo * DAY, metrics: { ndcg: 0.3 } });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const since = Date.now() - 7 * DAY;
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: `attributes.start_time > ${since}`,
    });
    return { runs: sorted(runs.map((run) => run.info.run_id)) };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, { experiment, since: '7d', limit: 200 });
    return { runs: sorted(items.map((item) => item.id)) };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, since: '7d', limit: 200 });
return { runs: items.map((item) => item.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'runs of the last 7 days', answer.runs, truth.runs);
    return problems;
  },
});
