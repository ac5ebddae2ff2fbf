import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, searchRuns } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/** Nothing is wrong: every run of the experiment finished. The answer is "none failed" out of N. */
export const nothingFailed = defineTask({
  id: 'mlflow-nothing-failed',
  question: (v: { experiment: string }) =>
    `Did any run fail in the MLflow experiment "${v.experiment}"? How many runs does it have?`,
  tags: ['nothing-wrong', 'common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-weekly-eval`;
    const id = await createExperiment(ctx, experiment);
    for (const week of ['w01', 'w02', 'w03', 'w04']) {
      await createRun(ctx, id, { name: `eval-${week}`, metrics: { auc: 0.9 } });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    return {
      failed: runs.filter((run) => run.info.status === 'FAILED').length,
      total: runs.length,
    };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, { experiment, limit: 200 });
    return {
      failed: items.filter((item) => item.status === 'failed').length,
      total: items.length,
    };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 200 });
return { failed: items.filter((item) => item.status === 'failed').length, total: items.length };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'failed runs', answer.failed, truth.failed);
    expectEqual(problems, 'runs', answer.total, truth.total);
    return problems;
  },
});
