import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf, projectRuns, seedProject } from './standin.js';

/** The right answer is "nothing failed": every run finished. */
export const wandbNoFailedRuns = defineTask({
  id: 'wandb-no-failed-runs',
  question: (v: { project: string }) =>
    `Did any run in my W&B project "${v.project}" fail or crash?`,
  tags: ['nothing-wrong'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-nightly-eval`;
    await seedProject(
      ctx,
      project,
      [0, 1, 2, 3, 4].map((i) => ({
        name: `nite000${i}`,
        displayName: `nightly-${i + 1}`,
        state: 'finished' as const,
        family: 'rl' as const,
        steps: 300,
        config: { env: 'CartPole-v1', seed: i },
      })),
    );
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await projectRuns(ctx, visible.project);
    if (runs.length === 0) throw new Error('the seed made no runs');
    return runs
      .filter((run) => ['failed', 'crashed', 'killed'].includes(run.state))
      .map((r) => r.name);
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_runs', {
      project,
      filters: '{"state": {"$in": ["failed", "crashed", "killed"]}}',
      fields: ['name', 'rawStatus'],
    });
    return itemsOf(structured).map((item) => String(item.id));
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchRuns({ project: ${JSON.stringify(project)}, filters: '{"state": {"$in": ["failed", "crashed", "killed"]}}', fields: ['name', 'rawStatus'] });
return items.map((item) => String(item.id));`,
    ),
  check(answer, truth) {
    return answer.join() === truth.join()
      ? []
      : [`failed runs ${answer.join(', ') || 'none'}, expected ${truth.join(', ') || 'none'}`];
  },
});
