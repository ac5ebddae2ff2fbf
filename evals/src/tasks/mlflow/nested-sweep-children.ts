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
import { byName, crossRuns, mlflowRuns } from './plan-helpers.js';

/** A sweep's parent run and its child trials (nested runs): which trials, and the best one. */
export const nestedSweepChildren = defineTask({
  id: 'mlflow-nested-sweep-children',
  question: (v: { experiment: string; parent: string }) =>
    `Which trial runs ran under the hyperparameter sweep "${v.parent}" in MLflow experiment "${v.experiment}", and which trial had the highest val_auc?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-ctr-model`;
    const id = await createExperiment(ctx, experiment);
    const parent = await createRun(ctx, id, {
      name: 'optuna-sweep-7',
      metrics: { best_val_auc: 0.781 },
    });
    const aucs = [0.752, 0.781, 0.769, 0.744, 0.777];
    for (const [i, auc] of aucs.entries()) {
      await createRun(ctx, id, {
        name: `trial-${i}`,
        parentRunId: parent,
        params: { max_depth: String(4 + i), eta: String(0.05 * (i + 1)) },
        metrics: { val_auc: auc },
      });
    }
    // An earlier sweep's trial in the same experiment, with a higher AUC: not this sweep's.
    const older = await createRun(ctx, id, { name: 'optuna-sweep-6' });
    await createRun(ctx, id, { name: 'trial-0', parentRunId: older, metrics: { val_auc: 0.79 } });
    return {
      visible: { experiment, parent: 'optuna-sweep-7' },
      hidden: { experimentId: id, parent },
    };
  },
  async truth(ctx, { hidden }) {
    const children = await searchRuns(ctx, [hidden.experimentId], {
      filter: `tags.mlflow.parentRunId = '${hidden.parent}'`,
    });
    const best = [...children].sort(
      (a, b) => metricOf(b, 'val_auc')! - metricOf(a, 'val_auc')!,
    )[0]!;
    return { children: sorted(children.map((run) => run.info.run_id)), best: best.info.run_id };
  },
  async plan(agent, { experiment, parent }) {
    const { items } = await crossRuns(agent, { experiment, limit: 50 });
    const sweep = byName(items, parent);
    const children = await mlflowRuns(agent, {
      experimentIds: [sweep.experimentId],
      filter: `tags.mlflow.parentRunId = '${sweep.id}'`,
      orderBy: ['metrics.val_auc DESC'],
      fields: ['id', 'name', 'metrics.val_auc'],
      limit: 100,
    });
    return { children: sorted(children.map((run) => run.id)), best: children[0]?.id };
  },
  codePlan: (agent, { experiment, parent }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const sweep = items.find((item) => item.name === ${JSON.stringify(parent)});
const children = (await mlflow.searchRuns({ experimentIds: [sweep.experimentId], filter: "tags.mlflow.parentRunId = '" + sweep.id + "'", orderBy: ['metrics.val_auc DESC'], fields: ['id'], limit: 100 })).items;
return { children: children.map((run) => run.id).sort(), best: children[0]?.id };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'trials', answer.children, truth.children);
    expectEqual(problems, 'best trial', answer.best, truth.best);
    return problems;
  },
});
