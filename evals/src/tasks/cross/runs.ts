import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, metricOf, searchRuns } from '../mlflow/mlflow-rest.js';
import { itemsOf } from './helpers.js';

type Runs = [name: string, metrics: Record<string, number>, status?: 'FAILED' | 'FINISHED'][];

async function seedExperiment(
  ctx: Parameters<typeof createExperiment>[0],
  name: string,
  runs: Runs,
) {
  const id = await createExperiment(ctx, name);
  for (const [run, metrics, status] of runs) {
    await createRun(ctx, id, { name: run, metrics, params: { variant: run }, status });
  }
  return id;
}

interface Best {
  name: string | undefined;
  value: number | undefined;
}

/** The best run by `metric` per MLflow's own ordering. */
async function bestByMlflow(
  ctx: Parameters<typeof createExperiment>[0],
  ids: string[],
  metric: string,
  order: 'ASC' | 'DESC',
): Promise<Best> {
  const [best] = await searchRuns(ctx, ids, { orderBy: [`metrics.\`${metric}\` ${order}`] });
  return { name: best?.info.run_name, value: best ? metricOf(best, metric) : undefined };
}

const checkBest = (answer: Best, truth: Best) =>
  answer.name === truth.name && answer.value === truth.value
    ? []
    : [`best ${answer.name}=${answer.value}, expected ${truth.name}=${truth.value}`];

/** Lower is better: an agent that names no direction must still get the lowest loss. */
export const bestByLoss = defineTask({
  id: 'cross-best-run-by-val-loss',
  question: (v: { experiment: string }) =>
    `Which run of "${v.experiment}" is best by validation loss?`,
  tags: ['common', 'misleading-default'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-asr-finetune`;
    const id = await seedExperiment(ctx, experiment, [
      ['whisper-lr1e-5', { val_loss: 0.412 }],
      ['whisper-lr3e-5', { val_loss: 0.377 }],
      ['whisper-lr1e-4', { val_loss: 0.455 }],
      ['whisper-lr3e-4', { val_loss: 0.963 }],
    ]);
    return { visible: { experiment }, hidden: { ids: [id] } };
  },
  truth: (ctx, { hidden }) => bestByMlflow(ctx, hidden.ids, 'val_loss', 'ASC'),
  async plan(agent, { experiment }): Promise<Best> {
    const { structured } = await agent.call('mlops_search_runs', {
      experiment,
      orderBy: { metric: 'val_loss' },
      limit: 3,
    });
    const top = itemsOf<{ name?: string; metrics?: Record<string, number> }>(structured)[0];
    return { name: top?.name, value: top?.metrics?.val_loss };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, orderBy: { metric: 'val_loss' }, limit: 3 });
return { name: items[0]?.name, value: items[0]?.metrics?.val_loss };`,
    ),
  check: checkBest,
});

/** Higher is better, across two experiments found by one name fragment. */
export const bestByF1 = defineTask({
  id: 'cross-best-run-by-f1-across-experiments',
  question: (v: { fragment: string }) =>
    `Across all my "${v.fragment}" experiments, which run has the best F1?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const fragment = `${ctx.prefix}-ner`;
    const a = await seedExperiment(ctx, `${fragment}-bert`, [
      ['bert-base', { f1: 0.881 }],
      ['bert-large', { f1: 0.902 }],
    ]);
    const b = await seedExperiment(ctx, `${fragment}-deberta`, [
      ['deberta-v3', { f1: 0.917 }],
      ['deberta-v3-distilled', { f1: 0.874 }],
    ]);
    return { visible: { fragment }, hidden: { ids: [a, b] } };
  },
  truth: (ctx, { hidden }) => bestByMlflow(ctx, hidden.ids, 'f1', 'DESC'),
  async plan(agent, { fragment }): Promise<Best> {
    const { structured } = await agent.call('mlops_search_runs', {
      experiment: fragment,
      orderBy: { metric: 'f1' },
      limit: 3,
    });
    const top = itemsOf<{ name?: string; metrics?: Record<string, number> }>(structured)[0];
    return { name: top?.name, value: top?.metrics?.f1 };
  },
  codePlan: (agent, { fragment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(fragment)}, orderBy: { metric: 'f1' }, limit: 3 });
return { name: items[0]?.name, value: items[0]?.metrics?.f1 };`,
    ),
  check: checkBest,
});

/** Two runs side by side: which hyperparameter differs, and which metric is better. */
export const compareTwoRuns = defineTask({
  id: 'cross-compare-two-runs',
  question: (v: { experiment: string; a: string; b: string }) =>
    `In "${v.experiment}", how do runs "${v.a}" and "${v.b}" differ in params, and which has the lower rmse?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-demand-forecast`;
    const id = await createExperiment(ctx, experiment);
    await createRun(ctx, id, {
      name: 'lgbm-a',
      params: { num_leaves: '31', learning_rate: '0.05' },
      metrics: { rmse: 12.4 },
    });
    await createRun(ctx, id, {
      name: 'lgbm-b',
      params: { num_leaves: '127', learning_rate: '0.05' },
      metrics: { rmse: 11.9 },
    });
    return { visible: { experiment, a: 'lgbm-a', b: 'lgbm-b' }, hidden: { id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.id]);
    const params = (name: string) =>
      Object.fromEntries(
        (runs.find((r) => r.info.run_name === name)?.data.params ?? []).map((p) => [
          p.key,
          p.value,
        ]),
      );
    const [pa, pb] = [params('lgbm-a'), params('lgbm-b')];
    const differing = Object.keys({ ...pa, ...pb })
      .filter((key) => pa[key] !== pb[key])
      .sort();
    const best = await bestByMlflow(ctx, [hidden.id], 'rmse', 'ASC');
    return { differing, lower: best.name };
  },
  async plan(agent, { experiment, a, b }) {
    const found = await agent.call('mlops_search_runs', { experiment, limit: 20 });
    const runs = itemsOf<{ uri: string; name?: string }>(found.structured);
    const uris = [a, b].map((name) => runs.find((run) => run.name === name)?.uri ?? '');
    const { structured } = await agent.call('mlops_compare_runs', { runs: uris });
    const differing = itemsOf<{ key: string }>(structured, 'differingParams')
      .map((row) => row.key)
      .sort();
    const rmse = itemsOf<{ key: string; values: (number | null)[] }>(structured, 'metrics').find(
      (row) => row.key === 'rmse',
    )?.values;
    const lower = rmse && (rmse[0] ?? Infinity) <= (rmse[1] ?? Infinity) ? a : b;
    return { differing, lower };
  },
  codePlan: (agent, { experiment, a, b }) =>
    runSnippet(
      agent,
      `const found = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 20 });
const uris = [${JSON.stringify(a)}, ${JSON.stringify(b)}].map((name) => found.items.find((run) => run.name === name)?.uri ?? '');
const c = await mlops.compareRuns({ runs: uris });
const differing = (c.differingParams ?? []).map((row) => row.key).sort();
const rmse = (c.metrics ?? []).find((row) => row.key === 'rmse')?.values;
const lower = rmse && (rmse[0] ?? Infinity) <= (rmse[1] ?? Infinity) ? ${JSON.stringify(a)} : ${JSON.stringify(b)};
return { differing, lower };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (JSON.stringify(answer.differing) !== JSON.stringify(truth.differing))
      problems.push(`differing ${answer.differing}, expected ${truth.differing}`);
    if (answer.lower !== truth.lower)
      problems.push(`lower rmse ${answer.lower}, expected ${truth.lower}`);
    return problems;
  },
});

/** Nothing is wrong: no failed run in the experiment, whenever it ran. */
export const noFailedRuns = defineTask({
  id: 'cross-no-failed-runs-in-experiment',
  question: (v: { experiment: string }) => `Did any run of "${v.experiment}" fail?`,
  tags: ['nothing-wrong'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-image-tagger`;
    const id = await seedExperiment(ctx, experiment, [
      ['vit-s', { accuracy: 0.81 }],
      ['vit-b', { accuracy: 0.85 }],
    ]);
    return { visible: { experiment }, hidden: { id } };
  },
  truth: async (ctx, { hidden }) =>
    (await searchRuns(ctx, [hidden.id], { filter: "attributes.status = 'FAILED'" })).length,
  async plan(agent, { experiment }) {
    const { structured } = await agent.call('mlops_search_runs', {
      experiment,
      status: ['failed'],
      backends: ['mlflow'],
    });
    return itemsOf(structured).length;
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, status: ['failed'], backends: ['mlflow'] });
return items.length;`,
    ),
  check(answer, truth) {
    return answer === truth ? [] : [`${answer} failed runs reported, expected ${truth}`];
  },
});

/** What failed overnight: the failed run of this experiment must be among the failures. */
export const whatFailedOvernight = defineTask({
  id: 'cross-what-failed-overnight',
  question: (v: { experiment: string }) =>
    `What failed overnight? I care about the "${v.experiment}" training runs.`,
  tags: ['common', 'cross-backend'],
  backends: ['mlflow', 'prefect', 'wandb'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-reranker`;
    const id = await seedExperiment(ctx, experiment, [
      ['reranker-ok', { ndcg: 0.7 }],
      ['reranker-oom', { ndcg: 0.1 }, 'FAILED'],
    ]);
    return { visible: { experiment }, hidden: { id } };
  },
  truth: async (ctx, { hidden }) =>
    (await searchRuns(ctx, [hidden.id], { filter: "attributes.status = 'FAILED'" })).map(
      (run) => `mlflow://runs/${run.info.run_id}`,
    ),
  async plan(agent) {
    const { structured } = await agent.call('mlops_what_failed', { since: '12h', limit: 200 });
    return itemsOf<{ uri: string; kind: string }>(structured)
      .filter((item) => item.kind === 'run')
      .map((item) => item.uri);
  },
  codePlan: (agent, _visible) =>
    runSnippet(
      agent,
      `const { items } = await mlops.whatFailed({ since: '12h', limit: 200 });
return items.filter((item) => item.kind === 'run').map((item) => item.uri);`,
    ),
  check(answer, truth) {
    const missing = truth.filter((uri) => !answer.includes(uri));
    return missing.length === 0 ? [] : [`failures not reported: ${missing.join(', ')}`];
  },
});
