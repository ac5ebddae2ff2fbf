import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf, projectRuns, seedProject, wandbTime } from './standin.js';

/** "Running" is misleading: one of two running runs stopped sending heartbeats hours ago. */
export const wandbStalledRunningRun = defineTask({
  id: 'wandb-stalled-running-run',
  question: (v: { project: string }) =>
    `Two runs in my W&B project "${v.project}" still say "running". Are they actually alive?`,
  tags: ['common', 'misleading-default'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-long-jobs`;
    await seedProject(ctx, project, [
      {
        name: 'long0001',
        displayName: 'pretrain-7b',
        state: 'running',
        family: 'llm',
        steps: 900,
        heartbeatAgeMs: 30_000,
        config: { model: '7b' },
      },
      {
        name: 'long0002',
        displayName: 'pretrain-13b',
        state: 'running',
        family: 'llm',
        steps: 700,
        heartbeatAgeMs: 3 * 3_600_000,
        config: { model: '13b' },
      },
      {
        name: 'long0003',
        displayName: 'pretrain-1b',
        state: 'finished',
        family: 'llm',
        steps: 500,
        config: { model: '1b' },
      },
    ]);
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = (await projectRuns(ctx, visible.project)).filter((r) => r.state === 'running');
    const now = Date.now();
    return Object.fromEntries(
      runs.map((run) => [run.name, now - wandbTime(run.heartbeatAt) < 600_000]),
    );
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_runs', {
      project,
      filters: '{"state": "running"}',
      fields: ['name', 'heartbeatAt'],
    });
    const alive: Record<string, boolean> = {};
    for (const item of itemsOf(structured) as { id: string }[]) {
      const { structured: d } = await agent.call('wandb_diagnose_run', { project, run: item.id });
      const signs = ((d.signs as { code: string }[] | undefined) ?? []).map((s) => s.code);
      alive[item.id] = !signs.includes('stale_heartbeat');
    }
    return alive;
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchRuns({ project: ${JSON.stringify(project)}, filters: '{"state": "running"}', fields: ['name', 'heartbeatAt'] });
const alive = {};
for (const item of items) {
  const d = await wandb.diagnoseRun({ project: ${JSON.stringify(project)}, run: item.id });
  alive[item.id] = !(d.signs ?? []).some((s) => s.code === 'stale_heartbeat');
}
return alive;`,
    ),
  check(answer, truth) {
    const show = (o: Record<string, boolean>) =>
      Object.entries(o)
        .sort()
        .map(([id, ok]) => `${id}:${ok ? 'alive' : 'stalled'}`)
        .join(', ');
    return show(answer) === show(truth) ? [] : [`${show(answer)}, expected ${show(truth)}`];
  },
});
