import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createFlow, createFlowRun, logsOf, writeLogs } from './prefect-rest.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

const WARNING = 30;

/**
 * Prefect's REST spelling (`flow_run_id`, `min_level`) on prefect_get_flow_run_logs, which
 * takes `flowRunId` and `minLevel`: one error names both, and the retry returns only warnings
 * and above (a stripped `min_level` would have returned every DEBUG/INFO line as well).
 */
export const prefectLogsSnakeCase = defineTask({
  id: 'arguments-prefect-logs-snake-case',
  question: (v: { flow: string; run: string }) =>
    `What warnings or errors did the run "${v.run}" of the Prefect flow "${v.flow}" log?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-report-builder`;
    const run = `${ctx.prefix}-weekly`;
    const flowId = await createFlow(ctx, flow);
    const runId = await createFlowRun(ctx, flowId, run, 'FAILED', 'ValueError: empty frame');
    await writeLogs(ctx, runId, [
      { level: 20, message: 'Loading sales for week 48' },
      { level: 10, message: 'Query plan: 3 partitions' },
      { level: 30, message: 'Partition 2024-11-30 is empty; continuing' },
      { level: 20, message: 'Rendering report' },
      { level: 40, message: 'ValueError: empty frame after join on region_id' },
    ]);
    return { visible: { flow, run }, hidden: { runId } };
  },
  async truth(ctx, { hidden }) {
    const logs = await logsOf(ctx, hidden.runId, WARNING);
    return { messages: logs.map((line) => line.message) };
  },
  async plan(agent, { flow, run }) {
    const runs = await agent.call('prefect_list_flow_runs', { flows: [flow] });
    const target = ((runs.structured.items ?? []) as { id: string; name: string }[]).find(
      (item) => item.name === run,
    );
    const recovered = await callRecovering(agent, 'prefect_get_flow_run_logs', {
      flow_run_id: target?.id ?? '',
      min_level: 'WARNING',
      order: 'oldest_first',
    });
    const items = (recovered.answer.structured.items ?? []) as { message: string }[];
    return { ...recovered, messages: items.map((line) => line.message) };
  },
  codePlan: (agent, { flow, run }) =>
    runSnippet(
      agent,
      `${RECOVERING}const runs = await prefect.listFlowRuns({ flows: [${JSON.stringify(flow)}] });
const target = runs.items.find((item) => item.name === ${JSON.stringify(run)});
const r = await recovering(prefect.getFlowRunLogs, { flow_run_id: target?.id ?? '', min_level: 'WARNING', order: 'oldest_first' });
return { refused: r.refused, renamed: r.renamed, messages: r.value.items.map((line) => line.message) };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { flow_run_id: 'flowRunId', min_level: 'minLevel' });
    if (JSON.stringify(answer.messages) !== JSON.stringify(truth.messages)) {
      problems.push(
        `logged ${JSON.stringify(answer.messages)}, expected ${JSON.stringify(truth.messages)}`,
      );
    }
    return problems;
  },
});
