import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, metricOf, searchRuns } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/**
 * Lower is better, ranked on the LATEST value: one run reached the lowest loss mid-training but
 * diverged after; "lowest final loss" is another run.
 */
export const lowestFinalLoss = defineTask({
  id: 'mlflow-lowest-final-loss',
  question: (v: { experiment: string }) =>
    `Which run in MLflow experiment "${v.experiment}" ended with the lowest training loss, and what was it?`,
  tags: ['common', 'misleading-default'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-gpt-small`;
    const id = await createExperiment(ctx, experiment);
    await createRun(ctx, id, { name: 'lr-1e-3', metrics: { loss: [4.1, 2.2, 1.31, 1.9, 3.7] } });
    await createRun(ctx, id, { name: 'lr-3e-4', metrics: { loss: [4.2, 2.9, 2.1, 1.7, 1.52] } });
    await createRun(ctx, id, { name: 'lr-1e-4', metrics: { loss: [4.3, 3.6, 3.0, 2.6, 2.31] } });
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    // MLflow's run metrics are the latest values.
    const [best] = await searchRuns(ctx, [hidden.experimentId], { orderBy: ['metrics.loss ASC'] });
    return { runId: best!.info.run_id, loss: metricOf(best!, 'loss') };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, {
      experiment,
      orderBy: { metric: 'loss', direction: 'asc' },
      limit: 3,
    });
    return { runId: items[0]?.id, loss: items[0]?.metrics?.loss };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, orderBy: { metric: 'loss', direction: 'asc' }, limit: 3 });
return { runId: items[0]?.id, loss: items[0]?.metrics?.loss };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'run', answer.runId, truth.runId);
    expectEqual(problems, 'final loss', answer.loss, truth.loss);
    return problems;
  },
});
