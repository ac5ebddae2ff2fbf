import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf, keyHistory, seedProject } from './standin.js';

/** A run's metric history: lowest loss, the step it was reached at, and the final loss. */
export const wandbMetricHistoryMinLoss = defineTask({
  id: 'wandb-metric-history-min-loss',
  question: (v: { project: string; run: string }) =>
    `In my W&B project "${v.project}", what was the lowest loss run "${v.run}" reached, at which step, and what was its final loss?`,
  tags: ['common', 'computation'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-pretrain`;
    await seedProject(ctx, project, [
      {
        name: 'pre00001',
        displayName: 'gpt-small-plateau',
        state: 'finished',
        family: 'llm',
        curve: 'plateau',
        steps: 1500,
        config: { learning_rate: 6e-4, n_layer: 12 },
      },
      {
        name: 'pre00002',
        displayName: 'gpt-small-baseline',
        state: 'finished',
        family: 'llm',
        curve: 'healthy',
        steps: 1200,
        config: { learning_rate: 3e-4, n_layer: 12 },
      },
    ]);
    return { visible: { project, run: 'gpt-small-plateau' }, hidden: { runId: 'pre00001' } };
  },
  async truth(ctx, { visible, hidden }) {
    const rows = (await keyHistory(ctx, visible.project, hidden.runId, 'loss')).filter((r) =>
      Number.isFinite(r.value),
    );
    let min = rows[0]!;
    for (const row of rows) if (row.value < min.value) min = row;
    return { min: min.value, minStep: min.step, last: rows.at(-1)!.value };
  },
  async plan(agent, { project, run }) {
    const found = await agent.call('wandb_search_runs', {
      project,
      filters: JSON.stringify({ display_name: run }),
      fields: ['name', 'historyLineCount'],
    });
    const item = itemsOf(found.structured)[0] as { id: string } | undefined;
    if (!item) return {};
    const { structured } = await agent.call('wandb_get_metric_history', {
      project,
      run: item.id,
      keys: ['loss'],
      samples: 10_000,
    });
    const series = (
      structured.series as {
        steps: number[];
        values: number[];
        stats?: { min: number; last: number };
      }[]
    )[0];
    if (!series?.stats) return {};
    const at = series.values.indexOf(series.stats.min);
    return {
      min: series.stats.min,
      minStep: at >= 0 ? series.steps[at] : undefined,
      last: series.stats.last,
    };
  },
  codePlan: (agent, { project, run }) =>
    runSnippet(
      agent,
      `const found = await wandb.searchRuns({ project: ${JSON.stringify(project)}, filters: JSON.stringify({ display_name: ${JSON.stringify(run)} }), fields: ['name', 'historyLineCount'] });
const item = found.items[0];
if (!item) return {};
const history = await wandb.getMetricHistory({ project: ${JSON.stringify(project)}, run: item.id, keys: ['loss'], samples: 10000 });
const series = history.series[0];
if (!series?.stats) return {};
const at = series.values.indexOf(series.stats.min);
return { min: series.stats.min, minStep: at >= 0 ? series.steps[at] : undefined, last: series.stats.last };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.min !== truth.min) problems.push(`min loss ${answer.min}, expected ${truth.min}`);
    if (answer.minStep !== truth.minStep)
      problems.push(`min at step ${answer.minStep}, expected ${truth.minStep}`);
    if (answer.last !== truth.last)
      problems.push(`final loss ${answer.last}, expected ${truth.last}`);
    return problems;
  },
});
