import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createFlow, createFlowRun, flowRunsOf } from './prefect-rest.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

/**
 * `state` where prefect_list_flow_runs takes `stateTypes`: stripped, it listed every run of the
 * flow as if all had crashed.
 */
export const prefectStateArgument = defineTask({
  id: 'arguments-prefect-state-argument',
  question: (v: { flow: string }) => `Did any run of the Prefect flow "${v.flow}" crash? Which?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-feature-backfill`;
    const flowId = await createFlow(ctx, flow);
    await createFlowRun(ctx, flowId, `${ctx.prefix}-shard-1`, 'COMPLETED');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-shard-2`, 'CRASHED', 'worker OOM-killed');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-shard-3`, 'FAILED');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-shard-4`, 'COMPLETED');
    return { visible: { flow }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const crashed = await flowRunsOf(ctx, visible.flow, ['CRASHED']);
    return { crashed: crashed.map((run) => run.name).sort() };
  },
  async plan(agent, { flow }) {
    const recovered = await callRecovering(agent, 'prefect_list_flow_runs', {
      flows: [flow],
      state: ['CRASHED'],
    });
    const items = (recovered.answer.structured.items ?? []) as { name: string }[];
    return { ...recovered, crashed: items.map((run) => run.name).sort() };
  },
  codePlan: (agent, { flow }) =>
    runSnippet(
      agent,
      `${RECOVERING}const r = await recovering(prefect.listFlowRuns, { flows: [${JSON.stringify(flow)}], state: ['CRASHED'] });
return { refused: r.refused, renamed: r.renamed, crashed: r.value.items.map((run) => run.name).sort() };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { state: 'stateTypes' });
    if (JSON.stringify(answer.crashed) !== JSON.stringify(truth.crashed)) {
      problems.push(
        `crashed runs ${JSON.stringify(answer.crashed)}, expected ${JSON.stringify(truth.crashed)}`,
      );
    }
    return problems;
  },
});
