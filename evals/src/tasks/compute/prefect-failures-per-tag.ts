import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createFlow, createFlowRun, filterRuns } from '../prefect/prefect-rest.js';
import { ALL_PAGES, compareNumberMaps, everyItem } from './helpers.js';

const TAG_SETS = [
  ['team-vision'],
  ['team-nlp', 'nightly'],
  ['team-vision', 'nightly'],
  ['team-nlp'],
  ['nightly'],
];
const STATES = ['COMPLETED', 'FAILED', 'COMPLETED', 'CRASHED', 'COMPLETED', 'COMPLETED'];

/** Share of failed or crashed flow runs per tag, over 40 runs of one flow. */
export const prefectFailuresPerTag = defineTask({
  id: 'prefect-compute-failure-share-per-tag',
  question: (v: { flow: string }) =>
    `For Prefect flow "${v.flow}", what share of its flow runs carrying each tag ended FAILED or CRASHED?`,
  tags: ['computation'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-evaluate`;
    const flowId = await createFlow(ctx, flow);
    for (let i = 0; i < 40; i++) {
      await createFlowRun(ctx, {
        flowId,
        name: `${flow}-${i}`,
        tags: TAG_SETS[(i * 3) % TAG_SETS.length]!,
        state: STATES[(i * 5) % STATES.length]!,
      });
    }
    return { visible: { flow }, hidden: { flowId } };
  },
  async truth(ctx, { hidden }) {
    const runs = await filterRuns(ctx, { flows: { id: { any_: [hidden.flowId] } } });
    const all: Record<string, number> = {};
    const bad: Record<string, number> = {};
    for (const run of runs) {
      const failed = ['FAILED', 'CRASHED'].includes(run.state_type ?? '');
      for (const tag of run.tags ?? []) {
        all[tag] = (all[tag] ?? 0) + 1;
        if (failed) bad[tag] = (bad[tag] ?? 0) + 1;
      }
    }
    return Object.fromEntries(Object.entries(all).map(([tag, n]) => [tag, (bad[tag] ?? 0) / n]));
  },
  async plan(agent, { flow }) {
    const runs = await everyItem<{ rawStatus: string; tags?: string[] }>(
      agent,
      'prefect_list_flow_runs',
      { flows: [flow], limit: 200 },
    );
    const all: Record<string, number> = {};
    const bad: Record<string, number> = {};
    for (const run of runs) {
      const failed = ['FAILED', 'CRASHED'].includes(run.rawStatus);
      for (const tag of run.tags ?? []) {
        all[tag] = (all[tag] ?? 0) + 1;
        if (failed) bad[tag] = (bad[tag] ?? 0) + 1;
      }
    }
    return Object.fromEntries(Object.entries(all).map(([tag, n]) => [tag, (bad[tag] ?? 0) / n]));
  },
  codePlan: (agent, { flow }) =>
    runSnippet<Record<string, number>>(
      agent,
      `${ALL_PAGES}
const runs = await all(prefect.listFlowRuns, { flows: [${JSON.stringify(flow)}], limit: 200 });
const total: Record<string, number> = {}, bad: Record<string, number> = {};
for (const run of runs) {
  for (const tag of run.tags ?? []) {
    total[tag] = (total[tag] ?? 0) + 1;
    if (run.rawStatus === 'FAILED' || run.rawStatus === 'CRASHED') bad[tag] = (bad[tag] ?? 0) + 1;
  }
}
return Object.fromEntries(Object.entries(total).map(([tag, n]) => [tag, (bad[tag] ?? 0) / n]));`,
    ),
  check: (answer, truth) => compareNumberMaps('failure share', answer, truth),
});
