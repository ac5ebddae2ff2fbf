import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, metricOf, searchRuns } from './mlflow-rest.js';
import { experimentId, mlflowRuns } from './plan-helpers.js';

/**
 * Lower is better: the best regressor has the LOWEST val_rmse. One run never logged val_rmse
 * (it crashed before validating) and must not win.
 */
export const bestRunByLowestRmse = defineTask({
  id: 'mlflow-best-run-by-lowest-rmse',
  question: (v: { experiment: string }) =>
    `In MLflow experiment "${v.experiment}", which run has the best (lowest) val_rmse, and what is it?`,
  tags: ['common', 'misleading-default'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-house-prices`;
    const id = await createExperiment(ctx, experiment);
    const runs: [string, number | undefined][] = [
      ['lgbm-500', 24_310.5],
      ['lgbm-2000', 21_987.25],
      ['ridge', 31_002.75],
      ['catboost', 22_450.0],
      ['tabnet-crashed', undefined],
    ];
    for (const [name, rmse] of runs) {
      await createRun(ctx, id, {
        name,
        status: rmse === undefined ? 'FAILED' : 'FINISHED',
        metrics:
          rmse === undefined ? { train_rmse: 40_000 } : { val_rmse: rmse, train_rmse: rmse * 0.8 },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = (await searchRuns(ctx, [hidden.experimentId])).filter(
      (run) => metricOf(run, 'val_rmse') !== undefined,
    );
    runs.sort((a, b) => metricOf(a, 'val_rmse')! - metricOf(b, 'val_rmse')!);
    return { runId: runs[0]!.info.run_id, valRmse: metricOf(runs[0]!, 'val_rmse') };
  },
  async plan(agent, { experiment }) {
    const id = await experimentId(agent, experiment);
    const [best] = await mlflowRuns(agent, {
      experimentIds: [id],
      orderBy: ['metrics.val_rmse ASC'],
      limit: 3,
      fields: ['id', 'name', 'status', 'metrics.val_rmse'],
    });
    return { runId: best?.id, valRmse: best?.metrics?.val_rmse };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items: [experiment] } = await mlflow.searchExperiments({ filter: "name = '" + ${JSON.stringify(experiment)} + "'" });
const { items: [best] } = await mlflow.searchRuns({ experimentIds: [experiment.id], orderBy: ['metrics.val_rmse ASC'], limit: 1, fields: ['id', 'metrics.val_rmse'] });
return { runId: best?.id, valRmse: best?.metrics?.val_rmse };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'best run', answer.runId, truth.runId);
    expectEqual(problems, 'val_rmse', answer.valRmse, truth.valRmse);
    return problems;
  },
});
