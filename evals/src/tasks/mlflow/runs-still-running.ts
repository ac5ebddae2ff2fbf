import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, searchRuns, sorted } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/** Which runs are still in progress (RUNNING), e.g. before restarting a shared GPU box. */
export const runsStillRunning = defineTask({
  id: 'mlflow-runs-still-running',
  question: (v: { experiment: string }) =>
    `Which runs in MLflow experiment "${v.experiment}" are still running?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-diffusion`;
    const id = await createExperiment(ctx, experiment);
    for (const [name, status] of [
      ['sd-ft-a', 'RUNNING'],
      ['sd-ft-b', 'FINISHED'],
      ['sd-ft-c', 'RUNNING'],
      ['sd-ft-d', 'FAILED'],
      ['sd-ft-e', 'KILLED'],
    ] as const) {
      await createRun(ctx, id, { name, status, metrics: { fid: 12.5 } });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: "attributes.status = 'RUNNING'",
    });
    return { running: sorted(runs.map((run) => run.info.run_id)) };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, { experiment, status: ['running'], limit: 50 });
    return { running: sorted(items.map((item) => item.id)) };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, status: ['running'], limit: 50 });
return { running: items.map((item) => item.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'running runs', answer.running, truth.running);
    return problems;
  },
});
