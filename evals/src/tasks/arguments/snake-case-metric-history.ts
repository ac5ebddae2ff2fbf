import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, metricHistory, searchRuns } from '../mlflow/mlflow-rest.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

/**
 * Two misnamed arguments in one call, in MLflow's own REST spelling (`run_id`, `metric_key`) on
 * a tool that takes `runId` and `key`: one error must name both.
 */
export const snakeCaseMetricHistory = defineTask({
  id: 'arguments-mlflow-metric-history-snake-case',
  question: (v: { experiment: string; run: string }) =>
    `What was the lowest val_loss of run "${v.run}" in the MLflow experiment "${v.experiment}", and at which step?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-forecaster`;
    const id = await createExperiment(ctx, experiment);
    await createRun(ctx, id, {
      name: 'lstm-64',
      metrics: { val_loss: [0.91, 0.72, 0.61, 0.55, 0.53, 0.56, 0.6, 0.64] },
    });
    await createRun(ctx, id, {
      name: 'lstm-128',
      metrics: { val_loss: [0.88, 0.7, 0.58, 0.5, 0.47, 0.49, 0.52, 0.57] },
    });
    return { visible: { experiment, run: 'lstm-128' }, hidden: { experimentId: id } };
  },
  async truth(ctx, { visible, hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: `attributes.run_name = '${visible.run}'`,
    });
    const history = await metricHistory(ctx, runs[0]!.info.run_id, 'val_loss');
    const lowest = history.reduce((best, point) => (point.value < best.value ? point : best));
    return { value: lowest.value, step: lowest.step };
  },
  async plan(agent, { experiment, run }) {
    const search = await agent.call('mlops_search_runs', { experiment, limit: 20 });
    const target = ((search.structured.items ?? []) as { id: string; name: string }[]).find(
      (item) => item.name === run,
    );
    const recovered = await callRecovering(agent, 'mlflow_get_metric_history', {
      run_id: target?.id ?? '',
      metric_key: 'val_loss',
    });
    const { steps = [], values = [] } = recovered.answer.structured as {
      steps?: number[];
      values?: number[];
    };
    let at = 0;
    values.forEach((value, index) => {
      if (value < (values[at] as number)) at = index;
    });
    return { ...recovered, value: values[at], step: steps[at] };
  },
  codePlan: (agent, { experiment, run }) =>
    runSnippet(
      agent,
      `${RECOVERING}const search = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 20 });
const target = search.items.find((item) => item.name === ${JSON.stringify(run)});
const r = await recovering(mlflow.getMetricHistory, { run_id: target?.id ?? '', metric_key: 'val_loss' });
const { steps = [], values = [] } = r.value;
let at = 0;
values.forEach((value, index) => { if (value < values[at]) at = index; });
return { refused: r.refused, renamed: r.renamed, value: values[at], step: steps[at] };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { run_id: 'runId', metric_key: 'key' });
    if (answer.value !== truth.value || answer.step !== truth.step) {
      problems.push(
        `lowest ${answer.value} at step ${answer.step}, expected ${truth.value} at ${truth.step}`,
      );
    }
    return problems;
  },
});
