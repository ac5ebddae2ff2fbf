import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf, projectRuns, seedProject } from './standin.js';

/** Failed and crashed runs and why, from wandb_diagnose_run. */
export const wandbFailedRunsAndWhy = defineTask({
  id: 'wandb-failed-runs-and-why',
  question: (v: { project: string }) =>
    `Some runs in my W&B project "${v.project}" didn't finish. Which ones failed or crashed, and why?`,
  tags: ['common'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-dpo-runs`;
    await seedProject(ctx, project, [
      ...[0, 1, 2, 3].map((i) => ({
        name: `dpo0000${i}`,
        displayName: `dpo-beta-0.${i + 1}`,
        state: 'finished' as const,
        family: 'llm' as const,
        curve: 'healthy' as const,
        steps: 500,
        config: { beta: (i + 1) / 10, learning_rate: 5e-6 },
      })),
      {
        name: 'dpo00007',
        displayName: 'dpo-beta-0.9',
        state: 'crashed',
        family: 'llm',
        curve: 'diverging',
        steps: 700,
        gpuMemoryPeak: 99,
        config: { beta: 0.9, learning_rate: 5e-5 },
      },
      {
        name: 'dpo00008',
        displayName: 'dpo-beta-0.5',
        state: 'failed',
        family: 'llm',
        curve: 'healthy',
        steps: 300,
        config: { beta: 0.5, learning_rate: 5e-6 },
      },
    ]);
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await projectRuns(ctx, visible.project);
    const failed: Record<string, { state: string; nonFiniteLoss: boolean }> = {};
    for (const run of runs) {
      if (run.state !== 'failed' && run.state !== 'crashed') continue;
      const loss = run.summary.loss;
      failed[run.name] = {
        state: run.state,
        nonFiniteLoss: typeof loss === 'number' && !Number.isFinite(loss),
      };
    }
    return failed;
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_runs', {
      project,
      filters: '{"state": {"$in": ["failed", "crashed"]}}',
      fields: ['name', 'rawStatus'],
    });
    const answer: Record<string, { rawStatus: string; signs: string[] }> = {};
    for (const item of itemsOf(structured) as { id: string }[]) {
      const diagnosis = await agent.call('wandb_diagnose_run', { project, run: item.id });
      const d = diagnosis.structured as { rawStatus: string; signs?: { code: string }[] };
      answer[item.id] = { rawStatus: d.rawStatus, signs: (d.signs ?? []).map((s) => s.code) };
    }
    return answer;
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchRuns({ project: ${JSON.stringify(project)}, filters: '{"state": {"$in": ["failed", "crashed"]}}', fields: ['name', 'rawStatus'] });
const answer = {};
for (const item of items) {
  const d = await wandb.diagnoseRun({ project: ${JSON.stringify(project)}, run: item.id });
  answer[item.id] = { rawStatus: d.rawStatus, signs: (d.signs ?? []).map((s) => s.code) };
}
return answer;`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    const got = Object.keys(answer).sort();
    const want = Object.keys(truth).sort();
    if (got.join() !== want.join()) problems.push(`runs ${got.join()}, expected ${want.join()}`);
    for (const [id, fact] of Object.entries(truth)) {
      const diagnosis = answer[id];
      if (!diagnosis) continue;
      if (diagnosis.rawStatus !== fact.state)
        problems.push(`${id}: state ${diagnosis.rawStatus}, expected ${fact.state}`);
      const reason = fact.state === 'crashed' ? 'run_crashed' : 'run_failed';
      if (!diagnosis.signs.includes(reason)) problems.push(`${id}: no ${reason} sign`);
      if (fact.nonFiniteLoss && !diagnosis.signs.includes('non_finite_summary'))
        problems.push(`${id}: its loss is NaN but the diagnosis does not say so`);
    }
    return problems;
  },
});
