import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, searchRuns, sorted } from './mlflow-rest.js';
import { experimentId, mlflowRuns } from './plan-helpers.js';

/** Runs filtered by a parameter value. */
export const runsByParam = defineTask({
  id: 'mlflow-runs-by-param',
  question: (v: { experiment: string }) =>
    `Which runs in MLflow experiment "${v.experiment}" used the adam optimizer (param optimizer = adam)?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-optimizer-study`;
    const id = await createExperiment(ctx, experiment);
    const optimizers = ['adam', 'sgd', 'adamw', 'adam', 'rmsprop', 'adam', 'sgd'];
    for (const [i, optimizer] of optimizers.entries()) {
      await createRun(ctx, id, {
        name: `opt-${i}`,
        params: { optimizer, lr: String(0.001 * (i + 1)) },
        metrics: { val_acc: 0.8 + i / 100 },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: "params.optimizer = 'adam'",
    });
    return { runs: sorted(runs.map((run) => run.info.run_id)) };
  },
  async plan(agent, { experiment }) {
    const id = await experimentId(agent, experiment);
    const runs = await mlflowRuns(agent, {
      experimentIds: [id],
      filter: "params.optimizer = 'adam'",
      fields: ['id', 'name', 'params.optimizer'],
      limit: 100,
    });
    return { runs: sorted(runs.map((run) => run.id)) };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items: [experiment] } = await mlflow.searchExperiments({ filter: "name = '" + ${JSON.stringify(experiment)} + "'" });
const { items } = await mlflow.searchRuns({ experimentIds: [experiment.id], filter: "params.optimizer = 'adam'", fields: ['id'], limit: 100 });
return { runs: items.map((run) => run.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'runs with optimizer=adam', answer.runs, truth.runs);
    return problems;
  },
});
