import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, searchRuns } from '../mlflow/mlflow-rest.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

/**
 * "Which runs failed?" with `experiment_name` on mlops_search_runs, whose argument is
 * `experiment`: before the fix the unknown key was stripped and every run of every experiment
 * came back as the answer.
 */
export const experimentNameOnSearchRuns = defineTask({
  id: 'arguments-mlops-search-runs-experiment-name',
  question: (v: { experiment: string }) =>
    `Which runs of the MLflow experiment "${v.experiment}" failed?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-fraud-detector`;
    const id = await createExperiment(ctx, experiment);
    const runs: [string, 'FINISHED' | 'FAILED' | 'KILLED'][] = [
      ['gbm-baseline', 'FINISHED'],
      ['gbm-oversampled', 'FAILED'],
      ['tabnet-v1', 'FAILED'],
      ['tabnet-v2', 'FINISHED'],
      ['lr-calibrated', 'KILLED'],
    ];
    for (const [name, status] of runs)
      await createRun(ctx, id, { name, status, metrics: { auc: 0.9 } });
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const failed = await searchRuns(ctx, [hidden.experimentId], {
      filter: "attributes.status = 'FAILED'",
    });
    return { failed: failed.map((run) => run.info.run_name ?? '').sort() };
  },
  async plan(agent, { experiment }) {
    const recovered = await callRecovering(agent, 'mlops_search_runs', {
      experiment_name: experiment,
      status: ['failed'],
    });
    const items = (recovered.answer.structured.items ?? []) as { name: string }[];
    return { ...recovered, failed: items.map((run) => run.name).sort() };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `${RECOVERING}const r = await recovering(mlops.searchRuns, { experiment_name: ${JSON.stringify(experiment)}, status: ['failed'] });
return { refused: r.refused, renamed: r.renamed, failed: r.value.items.map((run) => run.name).sort() };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { experiment_name: 'experiment' });
    if (JSON.stringify(answer.failed) !== JSON.stringify(truth.failed)) {
      problems.push(
        `failed runs ${JSON.stringify(answer.failed)}, expected ${JSON.stringify(truth.failed)}`,
      );
    }
    return problems;
  },
});
