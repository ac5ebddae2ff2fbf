import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { finite, projectRuns, seedProject } from '../wandb/standin.js';
import { ALL_PAGES, close, compareNumberMaps, everyItem, mean, pushTo } from './helpers.js';

/**
 * Two per-group computations over a W&B project of 24 runs on the stand-in: the best run per
 * optimizer (best-of-N), and the mean eval/accuracy per batch size. Truth from the stand-in's
 * GraphQL API, never the gateway.
 */
const OPTIMIZERS = ['adamw', 'lion', 'sgd'];
const BATCH_SIZES = [16, 32, 64, 128];

async function seedSweep(ctx: Parameters<typeof seedProject>[0], project: string) {
  await seedProject(
    ctx,
    project,
    Array.from({ length: 24 }, (_, i) => ({
      name: `bon${String(i).padStart(5, '0')}`,
      displayName: `sweep-${i}`,
      state: 'finished' as const,
      family: 'llm' as const,
      curve: i % 5 === 2 ? ('plateau' as const) : ('healthy' as const),
      steps: 300 + ((i * 37) % 11) * 50,
      config: {
        optimizer: OPTIMIZERS[(i * 2) % 3]!,
        batch_size: BATCH_SIZES[(i * 3) % 4]!,
        learning_rate: 1e-4 * (1 + (i % 6)),
      },
    })),
  );
}

type Item = { id: string; config?: Record<string, unknown>; summary?: Record<string, unknown> };
const FIELDS = ['name', 'config.optimizer', 'config.batch_size', 'summary.eval/accuracy'];

type Best = Record<string, { run: string; accuracy: number }>;

export const wandbBestOfNPerOptimizer = defineTask({
  id: 'wandb-compute-best-of-n-per-optimizer',
  question: (v: { project: string }) =>
    `In my W&B project "${v.project}", which run has the best eval/accuracy for each optimizer (config optimizer), and what is it?`,
  tags: ['computation'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-optimizer-bon`;
    await seedSweep(ctx, project);
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const best: Best = {};
    for (const run of await projectRuns(ctx, visible.project)) {
      const accuracy = finite(run, 'eval/accuracy');
      const optimizer = String(run.config.optimizer);
      if (accuracy === undefined) continue;
      if (!best[optimizer] || accuracy > best[optimizer].accuracy) {
        best[optimizer] = { run: run.name, accuracy };
      }
    }
    return best;
  },
  async plan(agent, { project }) {
    const runs = await everyItem<Item>(agent, 'wandb_search_runs', {
      project,
      fields: FIELDS,
      limit: 500,
    });
    const best: Best = {};
    for (const run of runs) {
      const accuracy = run.summary?.['eval/accuracy'];
      const optimizer = String(run.config?.optimizer);
      if (typeof accuracy !== 'number') continue;
      if (!best[optimizer] || accuracy > best[optimizer].accuracy) {
        best[optimizer] = { run: run.id, accuracy };
      }
    }
    return best;
  },
  codePlan: (agent, { project }) =>
    runSnippet<Best>(
      agent,
      `${ALL_PAGES}
const runs = await all(wandb.searchRuns, { project: ${JSON.stringify(project)}, fields: ${JSON.stringify(FIELDS)}, limit: 500 });
const best: Record<string, { run: string; accuracy: number }> = {};
for (const run of runs) {
  const accuracy = run.summary?.['eval/accuracy'];
  const optimizer = String(run.config?.optimizer);
  if (typeof accuracy !== 'number') continue;
  if (!best[optimizer] || accuracy > best[optimizer].accuracy) best[optimizer] = { run: run.id, accuracy };
}
return best;`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    for (const optimizer of new Set([...Object.keys(answer ?? {}), ...Object.keys(truth)])) {
      const got = answer?.[optimizer];
      const want = truth[optimizer];
      if (!got || !want || got.run !== want.run || !close(got.accuracy, want.accuracy)) {
        problems.push(`${optimizer}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      }
    }
    return problems;
  },
});

export const wandbMeanPerBatchSize = defineTask({
  id: 'wandb-compute-mean-accuracy-per-batch-size',
  question: (v: { project: string }) =>
    `In my W&B project "${v.project}", what is the mean eval/accuracy of the runs for each batch size (config batch_size)?`,
  tags: ['computation'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-batch-study`;
    await seedSweep(ctx, project);
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const groups: Record<string, number[]> = {};
    for (const run of await projectRuns(ctx, visible.project)) {
      const accuracy = finite(run, 'eval/accuracy');
      if (accuracy !== undefined) pushTo(groups, String(run.config.batch_size), accuracy);
    }
    return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, mean(v)]));
  },
  async plan(agent, { project }) {
    const runs = await everyItem<Item>(agent, 'wandb_search_runs', {
      project,
      fields: FIELDS,
      limit: 500,
    });
    const groups: Record<string, number[]> = {};
    for (const run of runs) {
      const accuracy = run.summary?.['eval/accuracy'];
      if (typeof accuracy === 'number') pushTo(groups, String(run.config?.batch_size), accuracy);
    }
    return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, mean(v)]));
  },
  codePlan: (agent, { project }) =>
    runSnippet<Record<string, number>>(
      agent,
      `${ALL_PAGES}
const runs = await all(wandb.searchRuns, { project: ${JSON.stringify(project)}, fields: ${JSON.stringify(FIELDS)}, limit: 500 });
const groups: Record<string, number[]> = {};
for (const run of runs) {
  const accuracy = run.summary?.['eval/accuracy'];
  if (typeof accuracy === 'number') (groups[String(run.config?.batch_size)] ??= []).push(accuracy);
}
return Object.fromEntries(Object.entries(groups).map(([k, xs]) => [k, xs.reduce((a, b) => a + b, 0) / xs.length]));`,
    ),
  check: (answer, truth) => compareNumberMaps('mean eval/accuracy', answer, truth),
});
