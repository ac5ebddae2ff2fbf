import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createDeployment,
  createFlow,
  createFlowRun,
  filterRuns,
  readFlowRun,
  readLogs,
  writeLogs,
} from './prefect-rest.js';

interface RunItem {
  id: string;
  name: string;
  rawStatus?: string;
}

/** "When did deployment X last succeed?": newer failed and running runs must not be taken for it. */
export const lastSuccessfulRun = defineTask({
  id: 'prefect-deployment-last-success',
  question: (v: { deployment: string }) =>
    `When did the Prefect deployment "${v.deployment}" last run successfully? Which run was it?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-forecast`;
    const flowId = await createFlow(ctx, flow);
    const deploymentId = await createDeployment(ctx, flowId, 'prod');
    for (const [name, state] of [
      ['monday', 'COMPLETED'],
      ['tuesday', 'COMPLETED'],
      ['wednesday', 'FAILED'],
      ['thursday', 'RUNNING'],
    ] as const) {
      await createFlowRun(ctx, { flowId, deploymentId, name: `${ctx.prefix}-${name}`, state });
    }
    return { visible: { deployment: `${flow}/prod` }, hidden: { deploymentId } };
  },
  async truth(ctx, { hidden }) {
    const [last] = await filterRuns(ctx, {
      flow_runs: {
        deployment_id: { any_: [hidden.deploymentId] },
        state: { type: { any_: ['COMPLETED'] } },
      },
      sort: 'END_TIME_DESC',
      limit: 1,
    });
    return { id: last!.id, name: last!.name };
  },
  async plan(agent, { deployment }) {
    const { structured } = await agent.call('prefect_list_flow_runs', {
      deployments: [deployment],
      stateTypes: ['COMPLETED'],
      sort: 'END_TIME_DESC',
      limit: 1,
    });
    const [last] = (structured.items ?? []) as RunItem[];
    return { id: last?.id, name: last?.name };
  },
  codePlan: (agent, { deployment }) =>
    runSnippet(
      agent,
      `const { items } = await prefect.listFlowRuns({ deployments: [${JSON.stringify(deployment)}], stateTypes: ['COMPLETED'], sort: 'END_TIME_DESC', limit: 1 });
return { id: items[0]?.id, name: items[0]?.name };`,
    ),
  check(answer, truth) {
    return answer.id === truth.id ? [] : [`run ${answer.name}, expected ${truth.name}`];
  },
});

/** "Show me the logs of run X": the run is named, so the agent finds its id, then reads the logs. */
export const runLogs = defineTask({
  id: 'prefect-run-logs',
  question: (v: { run: string }) =>
    `Show me the logs of the Prefect flow run "${v.run}". What was the last thing it logged?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flowId = await createFlow(ctx, `${ctx.prefix}-backfill`);
    const run = `${ctx.prefix}-misty-panda`;
    const id = await createFlowRun(ctx, { flowId, name: run, state: 'RUNNING' });
    await writeLogs(
      ctx,
      id,
      Array.from({ length: 30 }, (_, i) => ({
        level: 20,
        message: `Backfilled partition 2026-01-${String(i + 1).padStart(2, '0')}`,
        secondsAgo: 300 - i * 10,
      })),
    );
    return { visible: { run }, hidden: { id } };
  },
  async truth(ctx, { hidden }) {
    const logs = await readLogs(ctx, hidden.id);
    return { last: logs.at(-1)!.message, count: logs.length };
  },
  async plan(agent, { run }) {
    const found = await agent.call('prefect_list_flow_runs', {
      filter: { flow_runs: { name: { any_: [run] } } },
      limit: 1,
    });
    const [item] = (found.structured.items ?? []) as RunItem[];
    const logs = await agent.call('prefect_get_flow_run_logs', {
      flowRunId: item?.id ?? run,
      limit: 5,
    });
    const [newest] = (logs.structured.items ?? []) as { message: string }[];
    return { last: newest?.message };
  },
  codePlan: (agent, { run }) =>
    runSnippet(
      agent,
      `const found = await prefect.listFlowRuns({ filter: { flow_runs: { name: { any_: [${JSON.stringify(run)}] } } }, limit: 1 });
const logs = await prefect.getFlowRunLogs({ flowRunId: found.items[0]?.id ?? ${JSON.stringify(run)}, limit: 5 });
return { last: logs.items[0]?.message };`,
    ),
  check(answer, truth) {
    return answer.last === truth.last ? [] : [`last log ${answer.last}, expected ${truth.last}`];
  },
});

/** "Why did the latest run of flow X fail?": the user names only the flow. */
export const latestFailureOfFlow = defineTask({
  id: 'prefect-latest-failure-of-flow',
  question: (v: { flow: string }) => `Why did the latest run of the Prefect flow "${v.flow}" fail?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-embeddings`;
    const flowId = await createFlow(ctx, flow);
    await createFlowRun(ctx, {
      flowId,
      name: `${ctx.prefix}-older`,
      state: 'FAILED',
      message: 'Flow run encountered an exception: ValueError: batch size must be positive',
    });
    const id = await createFlowRun(ctx, {
      flowId,
      name: `${ctx.prefix}-latest`,
      state: 'CRASHED',
      message:
        'Flow run infrastructure exited with non-zero status code 137 (the process was killed: out of memory).',
    });
    await createFlowRun(ctx, { flowId, name: `${ctx.prefix}-rerun`, state: 'RUNNING' });
    return { visible: { flow }, hidden: { id } };
  },
  async truth(ctx, { visible }) {
    const [latest] = await filterRuns(ctx, {
      flows: { name: { any_: [visible.flow] } },
      flow_runs: { state: { type: { any_: ['FAILED', 'CRASHED'] } } },
      sort: 'EXPECTED_START_TIME_DESC',
      limit: 1,
    });
    return { id: latest!.id, message: latest!.state!.message };
  },
  async plan(agent, { flow }) {
    const { structured } = await agent.call('prefect_diagnose_flow_run', { flow });
    const run = structured.run as { id: string; stateMessage?: string } | undefined;
    const causes = (structured.causes ?? []) as { kind: string }[];
    return { id: run?.id, message: run?.stateMessage, cause: causes[0]?.kind };
  },
  codePlan: (agent, { flow }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseFlowRun({ flow: ${JSON.stringify(flow)} });
return { id: d.run?.id, message: d.run?.stateMessage, cause: d.causes?.[0]?.kind };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.id !== truth.id) problems.push(`diagnosed ${answer.id}, expected ${truth.id}`);
    if (answer.message !== truth.message)
      problems.push(`message ${answer.message}, expected ${truth.message}`);
    if (answer.cause !== 'out_of_memory')
      problems.push(`cause ${answer.cause}, expected out_of_memory`);
    return problems;
  },
});

/** Two runs share a name across flows: the answer lists the candidates, and the agent picks the failed one. */
export const ambiguousRunName = defineTask({
  id: 'prefect-ambiguous-run-name',
  question: (v: { run: string }) => `Why did the Prefect flow run "${v.run}" fail?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const run = `${ctx.prefix}-silver-fox`;
    const other = await createFlow(ctx, `${ctx.prefix}-training`);
    await createFlowRun(ctx, { flowId: other, name: run, state: 'COMPLETED' });
    const flowId = await createFlow(ctx, `${ctx.prefix}-scoring`);
    const id = await createFlowRun(ctx, {
      flowId,
      name: run,
      state: 'FAILED',
      message:
        'Flow run encountered an exception: TimeoutError: model endpoint did not answer in 30 s',
    });
    return { visible: { run }, hidden: { id } };
  },
  async truth(ctx, { hidden }) {
    const run = await readFlowRun(ctx, hidden.id);
    return { id: run.id, exception: run.state!.message!.replace(/^.*?: /, '') };
  },
  async plan(agent, { run }) {
    const first = await agent.call('prefect_diagnose_flow_run', { flowRunId: run });
    let answer = first;
    if (first.isError) {
      // The error lists the candidates as "name (id, state, ...)": take the failed one.
      const message = String((first.structured.error as { message?: string })?.message ?? '');
      const failed = [...message.matchAll(/\(([0-9a-f-]{36}), (\w+)/g)].find((m) =>
        ['Failed', 'Crashed'].includes(m[2]!),
      );
      if (failed) answer = await agent.call('prefect_diagnose_flow_run', { flowRunId: failed[1]! });
    }
    const diagnosed = answer.structured.run as { id: string; stateMessage?: string } | undefined;
    return {
      firstWasAmbiguous: first.isError,
      id: diagnosed?.id,
      exception: diagnosed?.stateMessage?.replace(/^.*?: /, ''),
    };
  },
  codePlan: (agent, { run }) =>
    runSnippet(
      agent,
      `let firstWasAmbiguous = false;
let d;
try {
  d = await prefect.diagnoseFlowRun({ flowRunId: ${JSON.stringify(run)} });
} catch (e) {
  firstWasAmbiguous = true;
  const failed = [...String(e.error?.message ?? '').matchAll(/\\(([0-9a-f-]{36}), (\\w+)/g)].find((m) => ['Failed', 'Crashed'].includes(m[2]));
  if (failed) d = await prefect.diagnoseFlowRun({ flowRunId: failed[1] });
}
return { firstWasAmbiguous, id: d?.run?.id, exception: d?.run?.stateMessage?.replace(/^.*?: /, '') };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (!answer.firstWasAmbiguous) problems.push('the ambiguous name was answered with a guess');
    if (answer.id !== truth.id) problems.push(`diagnosed ${answer.id}, expected ${truth.id}`);
    if (answer.exception !== truth.exception)
      problems.push(`exception ${answer.exception}, expected ${truth.exception}`);
    return problems;
  },
});

/** "Did run X fail?": it completed; the right answer is that nothing is wrong. */
export const completedRun = defineTask({
  id: 'prefect-completed-run-nothing-wrong',
  question: (v: { run: string }) =>
    `Did the Prefect flow run "${v.run}" fail? Anything I should fix?`,
  tags: ['nothing-wrong'],
  backends: ['prefect'],
  async seed(ctx) {
    const flowId = await createFlow(ctx, `${ctx.prefix}-export`);
    const run = `${ctx.prefix}-calm-seal`;
    const id = await createFlowRun(ctx, { flowId, name: run, state: 'COMPLETED' });
    return { visible: { run }, hidden: { id } };
  },
  async truth(ctx, { hidden }) {
    const run = await readFlowRun(ctx, hidden.id);
    return { state: run.state_type, causes: 0 };
  },
  async plan(agent, { run }) {
    const { structured } = await agent.call('prefect_diagnose_flow_run', { flowRunId: run });
    const r = structured.run as { stateType?: string } | undefined;
    return { state: r?.stateType, causes: ((structured.causes ?? []) as unknown[]).length };
  },
  codePlan: (agent, { run }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseFlowRun({ flowRunId: ${JSON.stringify(run)} });
return { state: d.run?.stateType, causes: (d.causes ?? []).length };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.state !== truth.state)
      problems.push(`state ${answer.state}, expected ${truth.state}`);
    if (answer.causes !== truth.causes) problems.push(`${answer.causes} causes, expected none`);
    return problems;
  },
});

/** A gateway with only Prefect enabled answers a Prefect question, and lists only Prefect tools. */
export const onlyPrefect = defineTask({
  id: 'prefect-only-prefect-enabled',
  question: (v: { flow: string }) =>
    `Our gateway only has Prefect configured. Which runs of the flow "${v.flow}" failed, and with what error?`,
  tags: ['common', 'backend-off'],
  backends: ['prefect'],
  gateway: { enabled: ['prefect'] },
  async seed(ctx) {
    const flow = `${ctx.prefix}-crawler`;
    const flowId = await createFlow(ctx, flow);
    await createFlowRun(ctx, {
      flowId,
      name: `${ctx.prefix}-run-1`,
      state: 'FAILED',
      message: 'Flow run encountered an exception: ConnectionError: proxy refused the connection',
    });
    await createFlowRun(ctx, { flowId, name: `${ctx.prefix}-run-2`, state: 'COMPLETED' });
    return { visible: { flow }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await filterRuns(ctx, {
      flows: { name: { any_: [visible.flow] } },
      flow_runs: { state: { type: { any_: ['FAILED', 'CRASHED'] } } },
    });
    return {
      failed: runs.map((r) => `${r.name}: ${r.state?.message}`).sort(),
      mlflowToolsListed: 0,
    };
  },
  async plan(agent, { flow }) {
    const listed = await agent.listedTools();
    const { structured } = await agent.call('prefect_list_flow_runs', {
      flows: [flow],
      stateTypes: ['FAILED', 'CRASHED'],
    });
    const items = (structured.items ?? []) as (RunItem & { stateMessage?: string })[];
    return {
      failed: items.map((r) => `${r.name}: ${r.stateMessage}`).sort(),
      mlflowToolsListed: listed.filter((t) => t.startsWith('mlflow_') || t.startsWith('wandb_'))
        .length,
    };
  },
  codePlan: (agent, { flow }) =>
    runSnippet(
      agent,
      `const { items } = await prefect.listFlowRuns({ flows: [${JSON.stringify(flow)}], stateTypes: ['FAILED', 'CRASHED'] });
return {
  failed: items.map((r) => r.name + ': ' + r.stateMessage).sort(),
  mlflowToolsListed: ['mlflow', 'wandb'].filter((space) => typeof globalThis[space] === 'object').reduce((n, space) => n + Object.keys(globalThis[space]).length, 0),
};`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.failed.join('\n') !== truth.failed.join('\n'))
      problems.push(`failed runs ${answer.failed.join('; ')}, expected ${truth.failed.join('; ')}`);
    if (answer.mlflowToolsListed !== 0)
      problems.push(
        `${answer.mlflowToolsListed} MLflow/W&B tools listed with only Prefect enabled`,
      );
    return problems;
  },
});
