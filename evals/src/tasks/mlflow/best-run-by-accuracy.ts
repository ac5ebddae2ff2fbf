import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, metricOf, searchRuns } from './mlflow-rest.js';

/** "Which run is best?" by a higher-is-better metric: the top run must be the highest accuracy. */
export const bestRunByAccuracy = defineTask({
  id: 'mlflow-best-run-by-accuracy',
  question: (v: { experiment: string }) =>
    `Which run in the MLflow experiment "${v.experiment}" has the best accuracy, and what is it?`,
  tags: ['common', 'misleading-default'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-churn-classifier`;
    const id = await createExperiment(ctx, experiment);
    const runs: [string, number, number][] = [
      ['xgb-depth4', 0.861, 0.342],
      ['xgb-depth8', 0.893, 0.297],
      ['logreg-l2', 0.812, 0.401],
      ['rf-300', 0.878, 0.315],
      ['mlp-2x64', 0.845, 0.366],
    ];
    for (const [name, accuracy, loss] of runs) {
      await createRun(ctx, id, {
        name,
        params: { model: name.split('-')[0]! },
        metrics: { accuracy, loss },
      });
    }
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const [best] = await searchRuns(ctx, [hidden.experimentId], {
      orderBy: ['metrics.accuracy DESC'],
    });
    return { runId: best!.info.run_id, accuracy: metricOf(best!, 'accuracy')! };
  },
  async plan(agent, { experiment }) {
    const { structured } = await agent.call('mlops_search_runs', {
      experiment,
      orderBy: { metric: 'accuracy', direction: 'desc' },
      limit: 3,
    });
    const items = structured.items as { id: string; metrics: Record<string, number> }[];
    const top = items[0];
    return { runId: top?.id, accuracy: top?.metrics.accuracy };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, orderBy: { metric: 'accuracy', direction: 'desc' }, limit: 3 });
return { runId: items[0]?.id, accuracy: items[0]?.metrics.accuracy };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.runId !== truth.runId)
      problems.push(`best run ${answer.runId}, expected ${truth.runId}`);
    if (answer.accuracy !== truth.accuracy)
      problems.push(`accuracy ${answer.accuracy}, expected ${truth.accuracy}`);
    return problems;
  },
});
