import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createFlow, createFlowRun, flowRunsOf } from './prefect-rest.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

/**
 * A flat Prefect filter, `{"state": ...}`, where the filter takes Prefect's request body keys
 * (`{"flow_runs": {"state": ...}}`): the error must say where the key belongs.
 */
export const flatPrefectFilter = defineTask({
  id: 'arguments-prefect-flat-filter',
  question: (v: { flow: string }) => `Which runs of the Prefect flow "${v.flow}" failed?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-nightly-etl`;
    const flowId = await createFlow(ctx, flow);
    await createFlowRun(ctx, flowId, `${ctx.prefix}-monday`, 'COMPLETED');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-tuesday`, 'FAILED', 'KeyError: customer_id');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-wednesday`, 'COMPLETED');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-thursday`, 'FAILED', 'TimeoutError');
    await createFlowRun(ctx, flowId, `${ctx.prefix}-friday`, 'CRASHED');
    return { visible: { flow }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const failed = await flowRunsOf(ctx, visible.flow, ['FAILED']);
    return { failed: failed.map((run) => run.name).sort() };
  },
  async plan(agent, { flow }) {
    const recovered = await callRecovering(agent, 'prefect_list_flow_runs', {
      flows: [flow],
      filter: { state: { type: { any_: ['FAILED'] } } },
    });
    const items = (recovered.answer.structured.items ?? []) as { name: string }[];
    return { ...recovered, failed: items.map((run) => run.name).sort() };
  },
  codePlan: (agent, { flow }) =>
    runSnippet(
      agent,
      `${RECOVERING}const r = await recovering(prefect.listFlowRuns, { flows: [${JSON.stringify(flow)}], filter: { state: { type: { any_: ['FAILED'] } } } });
return { refused: r.refused, renamed: r.renamed, failed: r.value.items.map((run) => run.name).sort() };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { 'filter.state': 'filter.flow_runs.state' });
    if (JSON.stringify(answer.failed) !== JSON.stringify(truth.failed)) {
      problems.push(
        `failed runs ${JSON.stringify(answer.failed)}, expected ${JSON.stringify(truth.failed)}`,
      );
    }
    return problems;
  },
});
