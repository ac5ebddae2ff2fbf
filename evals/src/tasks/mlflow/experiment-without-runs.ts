import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, expectEqual, searchRuns } from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/**
 * Nothing to rank: the experiment exists but has no runs yet. The right answer says so (not
 * "no such experiment", not another experiment's best run).
 */
export const experimentWithoutRuns = defineTask({
  id: 'mlflow-experiment-without-runs',
  question: (v: { experiment: string }) =>
    `What is the best accuracy reached so far in MLflow experiment "${v.experiment}"?`,
  tags: ['nothing-wrong'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-new-project`;
    const id = await createExperiment(ctx, experiment);
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { visible, hidden }) {
    const { experiment } = await ctx.rest<{ experiment: { name: string } }>(
      `${ctx.mlflowUrl}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(visible.experiment)}`,
    );
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    return { experimentFound: experiment.name === visible.experiment, runs: runs.length };
  },
  async plan(agent, { experiment }) {
    const { items, structured } = await crossRuns(agent, {
      experiment,
      orderBy: { metric: 'accuracy', direction: 'desc' },
      limit: 5,
    });
    // `searched` says how many experiments matched the name: found, but no runs.
    const searched = structured.searched as Record<string, { scopes: number }> | undefined;
    return { experimentFound: (searched?.mlflow?.scopes ?? 0) > 0, runs: items.length };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const answer = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, orderBy: { metric: 'accuracy', direction: 'desc' }, limit: 5 });
return { experimentFound: (answer.searched?.mlflow?.scopes ?? 0) > 0, runs: answer.items.length };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'experiment found', answer.experimentFound, truth.experimentFound);
    expectEqual(problems, 'runs', answer.runs, truth.runs);
    return problems;
  },
});
