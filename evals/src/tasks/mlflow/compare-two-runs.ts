import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, getRun } from './mlflow-rest.js';
import { byName, crossRuns } from './plan-helpers.js';

interface Compared {
  /** Params whose values differ: key → [value in first run, value in second run]. */
  differing: Record<string, [string | null, string | null]>;
  valF1: [number | null, number | null];
}

/** Two runs side by side: which params differ and the metric each reached. */
export const compareTwoRuns = defineTask({
  id: 'mlflow-compare-two-runs',
  question: (v: { experiment: string; first: string; second: string }) =>
    `Compare runs "${v.first}" and "${v.second}" in MLflow experiment "${v.experiment}": which parameters differ, and what val_f1 did each reach?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-intent-classifier`;
    const id = await createExperiment(ctx, experiment);
    const common = { epochs: '10', tokenizer: 'bert-base-uncased', seed: '42' };
    const first = await createRun(ctx, id, {
      name: 'baseline',
      params: { ...common, lr: '3e-5', dropout: '0.1', batch_size: '32' },
      metrics: { val_f1: 0.8123, val_loss: 0.52 },
    });
    const second = await createRun(ctx, id, {
      name: 'wider-dropout',
      params: { ...common, lr: '3e-5', dropout: '0.3', batch_size: '64', warmup: '500' },
      metrics: { val_f1: 0.8347, val_loss: 0.49 },
    });
    await createRun(ctx, id, {
      name: 'distilled',
      params: { ...common, lr: '5e-5', dropout: '0.1', batch_size: '32' },
      metrics: { val_f1: 0.79 },
    });
    return {
      visible: { experiment, first: 'baseline', second: 'wider-dropout' },
      hidden: { first, second },
    };
  },
  async truth(ctx, { hidden }): Promise<Compared> {
    const [a, b] = await Promise.all([getRun(ctx, hidden.first), getRun(ctx, hidden.second)]);
    const params = (run: typeof a) =>
      Object.fromEntries((run.data.params ?? []).map((p) => [p.key, p.value]));
    const pa = params(a);
    const pb = params(b);
    const differing: Compared['differing'] = {};
    for (const key of [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort()) {
      if (pa[key] !== pb[key]) differing[key] = [pa[key] ?? null, pb[key] ?? null];
    }
    const f1 = (run: typeof a) => run.data.metrics?.find((m) => m.key === 'val_f1')?.value ?? null;
    return { differing, valF1: [f1(a), f1(b)] };
  },
  async plan(agent, { experiment, first, second }): Promise<Compared> {
    const { items } = await crossRuns(agent, { experiment, limit: 50 });
    const uris = [byName(items, first).uri, byName(items, second).uri];
    const { structured, isError, text } = await agent.call('mlops_compare_runs', { runs: uris });
    if (isError) throw new Error(text);
    return readComparison(structured);
  },
  codePlan: (agent, { experiment, first, second }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const uri = (name) => items.find((item) => item.name === name).uri;
const c = await mlops.compareRuns({ runs: [uri(${JSON.stringify(first)}), uri(${JSON.stringify(second)})] });
const differing = {};
for (const row of [...c.differingParams].sort((a, b) => (a.key < b.key ? -1 : 1))) differing[row.key] = [row.values[0] ?? null, row.values[1] ?? null];
const f1 = c.metrics.find((row) => row.key === 'val_f1')?.values;
return { differing, valF1: [f1?.[0] ?? null, f1?.[1] ?? null] };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'differing params', answer.differing, truth.differing);
    expectEqual(problems, 'val_f1', answer.valF1, truth.valF1);
    return problems;
  },
});

/** The differing params and val_f1 row of an mlops_compare_runs answer. */
function readComparison(structured: Record<string, unknown>): Compared {
  type Row<T> = { key: string; values: (T | null)[] };
  const differing: Compared['differing'] = {};
  const rows = [...(structured.differingParams as Row<string>[])].sort((a, b) =>
    a.key < b.key ? -1 : 1,
  );
  for (const row of rows) differing[row.key] = [row.values[0] ?? null, row.values[1] ?? null];
  const f1 = (structured.metrics as Row<number>[]).find((row) => row.key === 'val_f1')?.values;
  return { differing, valF1: [f1?.[0] ?? null, f1?.[1] ?? null] };
}
