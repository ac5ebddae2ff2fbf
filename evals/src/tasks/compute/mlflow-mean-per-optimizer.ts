import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  metricOf,
  paramOf,
  searchRuns,
} from '../mlflow/mlflow-rest.js';
import { experimentId } from '../mlflow/plan-helpers.js';
import {
  ALL_PAGES,
  compareNumberMaps,
  EXPERIMENT_ID,
  everyItem,
  groupBy,
  mean,
  perGroup,
} from './helpers.js';

const OPTIMIZERS = ['adam', 'sgd', 'adamw', 'rmsprop'];

/** Mean of a metric per parameter value over 44 runs. */
export const mlflowMeanPerOptimizer = defineTask({
  id: 'mlflow-compute-mean-val-acc-per-optimizer',
  question: (v: { experiment: string }) =>
    `In MLflow experiment "${v.experiment}", what is the mean val_acc of the runs for each optimizer (param optimizer)?`,
  tags: ['computation'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-optimizer-sweep`;
    const id = await createExperiment(ctx, experiment);
    for (let i = 0; i < 44; i++) {
      await createRun(ctx, id, {
        name: `sweep-${i}`,
        params: { optimizer: OPTIMIZERS[(i * 7) % 4]!, lr: String(0.0001 * (1 + (i % 5))) },
        metrics: { val_acc: 0.7 + ((i * 37) % 100) / 500 },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    return perGroup(
      groupBy(runs, (run) => paramOf(run, 'optimizer')),
      (group) => mean(group.map((run) => metricOf(run, 'val_acc')!)),
    );
  },
  async plan(agent, { experiment }) {
    const id = await experimentId(agent, experiment);
    const runs = await everyItem<{
      params?: Record<string, string>;
      metrics?: Record<string, number>;
    }>(agent, 'mlflow_search_runs', {
      experimentIds: [id],
      fields: ['params.optimizer', 'metrics.val_acc'],
      limit: 1000,
    });
    return perGroup(
      groupBy(runs, (run) => run.params?.optimizer),
      (group) => mean(group.map((run) => run.metrics!.val_acc!)),
    );
  },
  async codePlan(agent, { experiment }) {
    return runSnippet<Record<string, number>>(
      agent,
      `${ALL_PAGES}${EXPERIMENT_ID}
const id = await experimentId(${JSON.stringify(experiment)});
const runs = await all(mlflow.searchRuns, { experimentIds: [id], fields: ['params.optimizer', 'metrics.val_acc'], limit: 1000 });
const sums: Record<string, { total: number; n: number }> = {};
for (const run of runs) {
  const key = run.params.optimizer;
  sums[key] ??= { total: 0, n: 0 };
  sums[key].total += run.metrics.val_acc;
  sums[key].n += 1;
}
return Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, s.total / s.n]));`,
    );
  },
  check: (answer, truth) => compareNumberMaps('mean val_acc', answer, truth),
});
