import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, metricOf, searchRuns, tagOf } from '../mlflow/mlflow-rest.js';
import { experimentId } from '../mlflow/plan-helpers.js';
import { ALL_PAGES, EXPERIMENT_ID, everyItem } from './helpers.js';

/** Relative changes of the children against their parent, cycled over 10 parents × 4 children. */
const DELTAS = [-0.05, -0.01, 0.03, -0.025, 0.0, -0.021, -0.019, 0.012, -0.3, 0.02];

interface Row {
  name?: string;
  tags?: Record<string, string>;
  metrics?: Record<string, number>;
  id?: string;
}

/** Child runs whose score fell more than 2 % below their parent's. */
export const mlflowRegressedVsParent = defineTask({
  id: 'mlflow-compute-children-regressed-vs-parent',
  question: (v: { experiment: string }) =>
    `In MLflow experiment "${v.experiment}", which child runs have a score more than 2% below their parent run's score? Give their names.`,
  tags: ['computation'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-finetune-children`;
    const id = await createExperiment(ctx, experiment);
    let k = 0;
    for (let p = 0; p < 10; p++) {
      const score = 0.6 + p * 0.03;
      const parent = await createRun(ctx, id, { name: `parent-${p}`, metrics: { score } });
      for (let c = 0; c < 4; c++) {
        const delta = DELTAS[k++ % DELTAS.length]!;
        await createRun(ctx, id, {
          name: `parent-${p}-child-${c}`,
          parentRunId: parent,
          metrics: { score: score * (1 + delta) },
        });
      }
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    const byId = new Map(runs.map((run) => [run.info.run_id, run]));
    return runs
      .filter((run) => {
        const parent = byId.get(tagOf(run, 'mlflow.parentRunId') ?? '');
        if (!parent) return false;
        return metricOf(run, 'score')! < metricOf(parent, 'score')! * 0.98;
      })
      .map((run) => run.info.run_name!)
      .sort();
  },
  async plan(agent, { experiment }) {
    const id = await experimentId(agent, experiment);
    const runs = await everyItem<Row>(agent, 'mlflow_search_runs', {
      experimentIds: [id],
      fields: ['id', 'name', 'tags.mlflow.parentRunId', 'metrics.score'],
      includeSystemTags: true,
      limit: 1000,
    });
    const byId = new Map(runs.map((run) => [run.id, run]));
    return runs
      .filter((run) => {
        const parent = byId.get(run.tags?.['mlflow.parentRunId'] ?? '');
        return parent ? run.metrics!.score! < parent.metrics!.score! * 0.98 : false;
      })
      .map((run) => run.name!)
      .sort();
  },
  codePlan: (agent, { experiment }) =>
    runSnippet<string[]>(
      agent,
      `${ALL_PAGES}${EXPERIMENT_ID}
const id = await experimentId(${JSON.stringify(experiment)});
const runs = await all(mlflow.searchRuns, { experimentIds: [id], fields: ['id', 'name', 'tags.mlflow.parentRunId', 'metrics.score'], includeSystemTags: true, limit: 1000 });
const byId = new Map(runs.map((run) => [run.id, run]));
return runs
  .filter((run) => {
    const parent = byId.get(run.tags?.['mlflow.parentRunId']);
    return parent !== undefined && run.metrics.score < parent.metrics.score * 0.98;
  })
  .map((run) => run.name)
  .sort();`,
    ),
  check(answer, truth) {
    return JSON.stringify(answer) === JSON.stringify(truth)
      ? []
      : [`regressed children ${JSON.stringify(answer)}, expected ${JSON.stringify(truth)}`];
  },
});
