import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createFlow, createFlowRun, filterRuns, hoursAgo } from './prefect-rest.js';

/** "Which runs of flow X failed or crashed in the last day?": an older failure must not count. */
export const failedLastDay = defineTask({
  id: 'prefect-failed-runs-last-day',
  question: (v: { flow: string }) =>
    `Which runs of the Prefect flow "${v.flow}" failed or crashed in the last 24 hours?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-nightly-etl`;
    const flowId = await createFlow(ctx, flow);
    const runs: [string, string][] = [
      ['ok-1', 'COMPLETED'],
      ['broken-1', 'FAILED'],
      ['ok-2', 'COMPLETED'],
      ['oom-1', 'CRASHED'],
      ['broken-2', 'FAILED'],
      ['running-1', 'RUNNING'],
    ];
    for (const [name, state] of runs) {
      await createFlowRun(ctx, { flowId, name: `${ctx.prefix}-${name}`, state });
    }
    // Failed three days ago: outside the window.
    await createFlowRun(ctx, {
      flowId,
      name: `${ctx.prefix}-old-failure`,
      scheduledAt: hoursAgo(72),
      state: 'FAILED',
    });
    return { visible: { flow }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await filterRuns(ctx, {
      flows: { name: { any_: [visible.flow] } },
      flow_runs: {
        state: { type: { any_: ['FAILED', 'CRASHED'] } },
        expected_start_time: { after_: hoursAgo(24).toISOString() },
      },
    });
    return runs.map((r) => r.name).sort();
  },
  async plan(agent, { flow }) {
    const { structured } = await agent.call('prefect_list_flow_runs', {
      flows: [flow],
      stateTypes: ['FAILED', 'CRASHED'],
      since: hoursAgo(24).toISOString(),
    });
    const items = (structured.items ?? []) as { name: string }[];
    return items.map((r) => r.name).sort();
  },
  codePlan: (agent, { flow }) =>
    runSnippet(
      agent,
      `const { items } = await prefect.listFlowRuns({ flows: [${JSON.stringify(flow)}], stateTypes: ['FAILED', 'CRASHED'], since: new Date(Date.now() - 24 * 3600 * 1000).toISOString() });
return items.map((r) => r.name).sort();`,
    ),
  check(answer, truth) {
    return JSON.stringify(answer) === JSON.stringify(truth)
      ? []
      : [`runs ${answer.join(', ')}, expected ${truth.join(', ')}`];
  },
});
