import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { finite, itemsOf, projectRuns, seedProject } from './standin.js';

/**
 * "Which run is best?" by a lower-is-better metric: newest-first (the default order) or a
 * descending sort would both name the wrong run.
 */
export const wandbBestRunByLowestValLoss = defineTask({
  id: 'wandb-best-run-by-lowest-val-loss',
  question: (v: { project: string }) =>
    `Which run in my W&B project "${v.project}" reached the lowest val/loss, and what was it?`,
  tags: ['common', 'misleading-default'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-resnet-ablation`;
    const widths = [32, 64, 96, 128, 192, 256];
    await seedProject(
      ctx,
      project,
      widths.map((width, i) => ({
        name: `cnn0000${i}`,
        displayName: `resnet-w${width}`,
        state: 'finished' as const,
        family: 'vision' as const,
        curve: i % 3 === 2 ? ('plateau' as const) : ('healthy' as const),
        steps: 400 + 50 * i,
        config: { width, lr: 0.1, epochs: 30 },
      })),
    );
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await projectRuns(ctx, visible.project);
    const scored = runs
      .map((run) => ({ runId: run.name, valLoss: finite(run, 'val/loss') }))
      .filter((r): r is { runId: string; valLoss: number } => r.valLoss !== undefined)
      .sort((a, b) => a.valLoss - b.valLoss);
    return scored[0]!;
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_runs', {
      project,
      order: '+summary_metrics.val/loss',
      limit: 3,
      fields: ['name', 'summary.val/loss'],
    });
    const top = itemsOf(structured)[0] as
      | { id: string; summary?: Record<string, unknown> }
      | undefined;
    return { runId: top?.id, valLoss: top?.summary?.['val/loss'] };
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchRuns({ project: ${JSON.stringify(project)}, order: '+summary_metrics.val/loss', limit: 3, fields: ['name', 'summary.val/loss'] });
return { runId: items[0]?.id, valLoss: items[0]?.summary?.['val/loss'] };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.runId !== truth.runId)
      problems.push(`best run ${answer.runId}, expected ${truth.runId}`);
    if (answer.valLoss !== truth.valLoss)
      problems.push(`val/loss ${String(answer.valLoss)}, expected ${truth.valLoss}`);
    return problems;
  },
});
