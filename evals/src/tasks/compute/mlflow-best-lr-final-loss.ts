import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  metricHistory,
  paramOf,
  searchRuns,
} from '../mlflow/mlflow-rest.js';
import { experimentId } from '../mlflow/plan-helpers.js';
import { ALL_PAGES, compareNumberMaps, EXPERIMENT_ID, everyItem, mean, pushTo } from './helpers.js';

const LRS = ['0.0001', '0.0003', '0.001'];

/** A loss curve: decays to a floor that depends on the learning rate and the seed. */
function curve(lr: number, seed: number): number[] {
  const floor = 0.2 + Math.abs(Math.log10(lr) + 3.5) * 0.1 + (seed % 4) * 0.01;
  return Array.from(
    { length: 30 },
    (_, step) => floor + Math.exp(-step / 6) + ((step * seed) % 7) / 1000,
  );
}

/** Mean over runs of each run's last-5-step mean val_loss, per learning rate: needs every history. */
export const mlflowBestLrFinalLoss = defineTask({
  id: 'mlflow-compute-final-loss-per-lr',
  question: (v: { experiment: string }) =>
    `In MLflow experiment "${v.experiment}", for each learning rate (param lr), what is the mean over its runs of the average val_loss of each run's last 5 logged steps?`,
  tags: ['computation'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-lr-curves`;
    const id = await createExperiment(ctx, experiment);
    for (let i = 0; i < 12; i++) {
      const lr = LRS[i % 3]!;
      await createRun(ctx, id, {
        name: `curve-${i}`,
        params: { lr },
        metrics: { val_loss: curve(Number(lr), i + 1) },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    const finals: Record<string, number[]> = {};
    for (const run of runs) {
      const history = await metricHistory(ctx, run.info.run_id, 'val_loss');
      const last = history.sort((a, b) => a.step - b.step).slice(-5);
      pushTo(finals, paramOf(run, 'lr')!, mean(last.map((point) => point.value)));
    }
    return Object.fromEntries(Object.entries(finals).map(([lr, values]) => [lr, mean(values)]));
  },
  async plan(agent, { experiment }) {
    const id = await experimentId(agent, experiment);
    const runs = await everyItem<{ id: string; params: Record<string, string> }>(
      agent,
      'mlflow_search_runs',
      { experimentIds: [id], fields: ['id', 'params.lr'], limit: 1000 },
    );
    const finals: Record<string, number[]> = {};
    for (const run of runs) {
      const { structured, isError, text } = await agent.call('mlflow_get_metric_history', {
        runId: run.id,
        key: 'val_loss',
        maxPoints: 2000,
      });
      if (isError) throw new Error(text);
      const series = structured as { steps: number[]; values: number[] };
      const last = series.values.slice(-5);
      pushTo(finals, run.params.lr!, mean(last));
    }
    return Object.fromEntries(Object.entries(finals).map(([lr, values]) => [lr, mean(values)]));
  },
  codePlan: (agent, { experiment }) =>
    runSnippet<Record<string, number>>(
      agent,
      `${ALL_PAGES}${EXPERIMENT_ID}
const id = await experimentId(${JSON.stringify(experiment)});
const runs = await all(mlflow.searchRuns, { experimentIds: [id], fields: ['id', 'params.lr'], limit: 1000 });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const finals: Record<string, number[]> = {};
const histories = await Promise.all(runs.map((run) => mlflow.getMetricHistory({ runId: run.id, key: 'val_loss', maxPoints: 2000 })));
runs.forEach((run, i) => {
  (finals[run.params.lr] ??= []).push(mean(histories[i].values.slice(-5)));
});
return Object.fromEntries(Object.entries(finals).map(([lr, xs]) => [lr, mean(xs)]));`,
    ),
  check: (answer, truth) => compareNumberMaps('mean final val_loss', answer, truth),
});
