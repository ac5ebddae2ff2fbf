import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { finite, itemsOf, projectRuns, seedProject } from './standin.js';

/** "Which run is best?" by a higher-is-better W&B summary metric. */
export const wandbBestRunByEvalAccuracy = defineTask({
  id: 'wandb-best-run-by-eval-accuracy',
  question: (v: { project: string }) =>
    `Which run in my W&B project "${v.project}" has the best eval/accuracy, and what is it?`,
  tags: ['common'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-sft-sweep`;
    const lrs = [3e-5, 1e-4, 2e-4, 5e-4, 1e-3];
    await seedProject(ctx, project, [
      ...lrs.map((lr, i) => ({
        name: `sft0000${i}`,
        displayName: `sft-lr-${lr}`,
        state: 'finished' as const,
        family: 'llm' as const,
        curve: i === 1 ? ('plateau' as const) : ('healthy' as const),
        steps: 600 + i * 100,
        config: { learning_rate: lr, optimizer: 'adamw', batch_size: 32 },
      })),
      {
        name: 'sft00009',
        displayName: 'sft-lr-3e-3',
        state: 'crashed',
        family: 'llm',
        curve: 'diverging',
        steps: 800,
        config: { learning_rate: 3e-3, optimizer: 'adamw', batch_size: 32 },
      },
    ]);
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await projectRuns(ctx, visible.project);
    const scored = runs
      .map((run) => ({ runId: run.name, accuracy: finite(run, 'eval/accuracy') }))
      .filter((r): r is { runId: string; accuracy: number } => r.accuracy !== undefined)
      .sort((a, b) => b.accuracy - a.accuracy);
    return scored[0]!;
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_runs', {
      project,
      order: '-summary_metrics.eval/accuracy',
      limit: 3,
      fields: ['name', 'summary.eval/accuracy'],
    });
    const top = itemsOf(structured)[0] as
      | { id: string; summary?: Record<string, unknown> }
      | undefined;
    return { runId: top?.id, accuracy: top?.summary?.['eval/accuracy'] };
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchRuns({ project: ${JSON.stringify(project)}, order: '-summary_metrics.eval/accuracy', limit: 3, fields: ['name', 'summary.eval/accuracy'] });
return { runId: items[0]?.id, accuracy: items[0]?.summary?.['eval/accuracy'] };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.runId !== truth.runId)
      problems.push(`best run ${answer.runId}, expected ${truth.runId}`);
    if (answer.accuracy !== truth.accuracy)
      problems.push(`eval/accuracy ${String(answer.accuracy)}, expected ${truth.accuracy}`);
    return problems;
  },
});
