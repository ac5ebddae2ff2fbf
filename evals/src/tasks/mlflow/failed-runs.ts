import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, searchRuns, sorted } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/** Which runs failed in one experiment (killed and running runs are not failures). */
export const failedRuns = defineTask({
  id: 'mlflow-failed-runs',
  question: (v: { experiment: string }) =>
    `Which runs failed in the MLflow experiment "${v.experiment}"?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-nightly-retrain`;
    const id = await createExperiment(ctx, experiment);
    const runs: [string, 'FINISHED' | 'FAILED' | 'KILLED' | 'RUNNING'][] = [
      ['retrain-mon', 'FINISHED'],
      ['retrain-tue', 'FAILED'],
      ['retrain-wed', 'FINISHED'],
      ['retrain-thu', 'KILLED'],
      ['retrain-fri', 'FAILED'],
      ['retrain-sat', 'RUNNING'],
    ];
    for (const [name, status] of runs) {
      await createRun(ctx, id, { name, status, metrics: { rows_processed: 120_000 } });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: "attributes.status = 'FAILED'",
    });
    return { failed: sorted(runs.map((run) => run.info.run_id)) };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, { experiment, status: ['failed'], limit: 50 });
    return { failed: sorted(items.map((item) => item.id)) };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, status: ['failed'], limit: 50 });
return { failed: items.map((item) => item.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'failed runs', answer.failed, truth.failed);
    return problems;
  },
});
