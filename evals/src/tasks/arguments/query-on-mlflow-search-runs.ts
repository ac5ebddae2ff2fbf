import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, searchRuns } from '../mlflow/mlflow-rest.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

/**
 * The first example: `query` where mlflow_search_runs takes `filter`. Stripped, the
 * query matched every run of the experiment; refused, the error names `filter`.
 */
export const queryOnMlflowSearchRuns = defineTask({
  id: 'arguments-mlflow-search-runs-query',
  question: (v: { experiment: string; threshold: number }) =>
    `In the MLflow experiment "${v.experiment}", which runs reached an accuracy above ${v.threshold}?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-image-classifier`;
    const id = await createExperiment(ctx, experiment);
    const runs: [string, number][] = [
      ['resnet18', 0.874],
      ['resnet50', 0.921],
      ['vit-small', 0.903],
      ['mobilenet', 0.842],
      ['efficientnet-b0', 0.899],
      ['convnext-tiny', 0.934],
    ];
    for (const [name, accuracy] of runs) await createRun(ctx, id, { name, metrics: { accuracy } });
    return { visible: { experiment, threshold: 0.9 }, hidden: { experimentId: id } };
  },
  async truth(ctx, { visible, hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], {
      filter: `metrics.accuracy > ${visible.threshold}`,
    });
    return { runs: runs.map((run) => run.info.run_name ?? '').sort() };
  },
  async plan(agent, { experiment, threshold }) {
    const found = await agent.call('mlflow_search_experiments', {
      filter: `name = '${experiment}'`,
    });
    const [match] = (found.structured.items ?? []) as { id: string }[];
    const recovered = await callRecovering(agent, 'mlflow_search_runs', {
      experimentIds: match ? [match.id] : [],
      query: `metrics.accuracy > ${threshold}`,
      fields: ['name'],
    });
    const items = (recovered.answer.structured.items ?? []) as { name: string }[];
    return { ...recovered, runs: items.map((run) => run.name).sort() };
  },
  codePlan: (agent, { experiment, threshold }) =>
    runSnippet(
      agent,
      `${RECOVERING}const found = await mlflow.searchExperiments({ filter: "name = '" + ${JSON.stringify(experiment)} + "'" });
const r = await recovering(mlflow.searchRuns, { experimentIds: found.items[0] ? [found.items[0].id] : [], query: 'metrics.accuracy > ' + ${JSON.stringify(threshold)}, fields: ['name'] });
return { refused: r.refused, renamed: r.renamed, runs: r.value.items.map((run) => run.name).sort() };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { query: 'filter' });
    if (JSON.stringify(answer.runs) !== JSON.stringify(truth.runs)) {
      problems.push(`runs ${JSON.stringify(answer.runs)}, expected ${JSON.stringify(truth.runs)}`);
    }
    return problems;
  },
});
