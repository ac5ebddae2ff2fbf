import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, searchRuns, tagOf } from '../mlflow/mlflow-rest.js';
import { createFlowRun, findRunUri, itemsOf } from './helpers.js';

/** Seeds a Prefect flow run and the MLflow run it produced (tag prefect.flow_run_id). */
async function seedLineage(prefix: string, ctx: Parameters<typeof createFlowRun>[0]) {
  const flowRunId = await createFlowRun(ctx, `${prefix}-train-pipeline`, `${prefix}-nightly-train`);
  const experiment = `${prefix}-ranker`;
  const experimentId = await createExperiment(ctx, experiment);
  await createRun(ctx, experimentId, {
    name: 'ranker-v7',
    metrics: { ndcg: 0.71 },
    tags: { 'prefect.flow_run_id': flowRunId },
  });
  await createRun(ctx, experimentId, { name: 'ranker-v6', metrics: { ndcg: 0.69 } });
  return { flowRunId, experiment, experimentId };
}

/** Prefect flow run → the MLflow run it produced. */
export const lineageFlowRunToRun = defineTask({
  id: 'cross-lineage-flow-run-to-mlflow-run',
  question: (v: { flowRunId: string }) =>
    `Which MLflow run did the Prefect flow run ${v.flowRunId} produce?`,
  tags: ['common', 'cross-backend'],
  backends: ['prefect', 'mlflow'],
  async seed(ctx) {
    const { flowRunId, experimentId } = await seedLineage(ctx.prefix, ctx);
    return { visible: { flowRunId }, hidden: { experimentId, flowRunId } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId]);
    return runs
      .filter((run) => tagOf(run, 'prefect.flow_run_id') === hidden.flowRunId)
      .map((run) => `mlflow://runs/${run.info.run_id}`);
  },
  async plan(agent, { flowRunId }) {
    const { structured } = await agent.call('mlops_find_lineage', {
      uri: `prefect://flow-runs/${flowRunId}`,
    });
    return itemsOf<{ uri: string; kind: string }>(structured, 'links')
      .filter((link) => link.kind === 'run')
      .map((link) => link.uri);
  },
  codePlan: (agent, { flowRunId }) =>
    runSnippet(
      agent,
      `const l = await mlops.findLineage({ uri: 'prefect://flow-runs/' + ${JSON.stringify(flowRunId)} });
return (l.links ?? []).filter((link) => link.kind === 'run').map((link) => link.uri);`,
    ),
  check(answer, truth) {
    return JSON.stringify(answer) === JSON.stringify(truth)
      ? []
      : [`linked runs ${JSON.stringify(answer)}, expected ${JSON.stringify(truth)}`];
  },
});

/** MLflow run (by name) → the Prefect flow run that produced it. */
export const lineageRunToFlowRun = defineTask({
  id: 'cross-lineage-mlflow-run-to-flow-run',
  question: (v: { experiment: string; run: string }) =>
    `Which Prefect flow run produced the MLflow run "${v.run}" in experiment "${v.experiment}", and did it complete?`,
  tags: ['common', 'cross-backend'],
  backends: ['prefect', 'mlflow'],
  async seed(ctx) {
    const { flowRunId, experiment } = await seedLineage(ctx.prefix, ctx);
    return { visible: { experiment, run: 'ranker-v7' }, hidden: { flowRunId } };
  },
  async truth(ctx, { hidden }) {
    const run = await ctx.rest<{ id: string; state_type: string }>(
      `${ctx.prefectUrl}/flow_runs/${hidden.flowRunId}`,
    );
    return { uri: `prefect://flow-runs/${run.id}`, completed: run.state_type === 'COMPLETED' };
  },
  async plan(agent, { experiment, run }) {
    const uri = await findRunUri(agent, experiment, run);
    if (!uri) return { uri: undefined, completed: false };
    const { structured } = await agent.call('mlops_find_lineage', { uri });
    const link = itemsOf<{ uri: string; kind: string; status?: string }>(structured, 'links').find(
      (candidate) => candidate.kind === 'flow-run',
    );
    return { uri: link?.uri, completed: link?.status === 'completed' };
  },
  codePlan: (agent, { experiment, run }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const uri = items.find((item) => item.name === ${JSON.stringify(run)})?.uri;
if (!uri) return { uri: undefined, completed: false };
const l = await mlops.findLineage({ uri });
const link = (l.links ?? []).find((candidate) => candidate.kind === 'flow-run');
return { uri: link?.uri, completed: link?.status === 'completed' };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.uri !== truth.uri) problems.push(`flow run ${answer.uri}, expected ${truth.uri}`);
    if (answer.completed !== truth.completed)
      problems.push(`completed ${answer.completed}, expected ${truth.completed}`);
    return problems;
  },
});

/** Nothing is wrong: a flow run that logged no ML run has no lineage. */
export const lineageNone = defineTask({
  id: 'cross-lineage-flow-run-without-runs',
  question: (v: { flowRunId: string }) =>
    `Did the Prefect flow run ${v.flowRunId} log any MLflow or W&B run?`,
  tags: ['nothing-wrong', 'cross-backend'],
  backends: ['prefect', 'mlflow'],
  async seed(ctx) {
    const flowRunId = await createFlowRun(ctx, `${ctx.prefix}-etl`, `${ctx.prefix}-etl-only`);
    return { visible: { flowRunId }, hidden: { flowRunId } };
  },
  async truth(ctx, { hidden }) {
    const { experiments = [] } = await ctx.rest<{ experiments?: { experiment_id: string }[] }>(
      `${ctx.mlflowUrl}/api/2.0/mlflow/experiments/search`,
      { body: { max_results: 1000 } },
    );
    const runs = await searchRuns(
      ctx,
      experiments.map((e) => e.experiment_id),
      { filter: `tags.\`prefect.flow_run_id\` = '${hidden.flowRunId}'` },
    );
    return runs.length;
  },
  async plan(agent, { flowRunId }) {
    const { structured } = await agent.call('mlops_find_lineage', {
      uri: `prefect://flow-runs/${flowRunId}`,
    });
    return itemsOf<{ kind: string }>(structured, 'links').filter((link) => link.kind === 'run')
      .length;
  },
  codePlan: (agent, { flowRunId }) =>
    runSnippet(
      agent,
      `const l = await mlops.findLineage({ uri: 'prefect://flow-runs/' + ${JSON.stringify(flowRunId)} });
return (l.links ?? []).filter((link) => link.kind === 'run').length;`,
    ),
  check(answer, truth) {
    return answer === truth ? [] : [`${answer} linked runs, expected ${truth}`];
  },
});
