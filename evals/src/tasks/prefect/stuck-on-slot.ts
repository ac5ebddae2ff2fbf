import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createFlow,
  createFlowRun,
  createTaskRun,
  holdTagSlot,
  readFlowRun,
  readTaskRun,
  tagSlotHolders,
} from './prefect-rest.js';

interface Diagnosis {
  causes: { kind: string; evidence: string[] }[];
}

/** "Run X has been running forever": its tagged task waits on a tag slot another run's task holds. */
export const stuckOnSlot = defineTask({
  id: 'prefect-stuck-run-concurrency-slot',
  question: (v: { run: string }) =>
    `The Prefect flow run "${v.run}" has been running for ages. What is it waiting on, and which run holds it up?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const tag = `${ctx.prefix}-gpu`;
    const flowId = await createFlow(ctx, `${ctx.prefix}-train`);
    const holderRun = await createFlowRun(ctx, {
      flowId,
      name: `${ctx.prefix}-brave-otter`,
      state: 'RUNNING',
    });
    const holderTask = await createTaskRun(ctx, {
      flowRunId: holderRun,
      name: 'fine-tune-0',
      tags: [tag],
      state: 'RUNNING',
    });
    await holdTagSlot(ctx, tag, 1, holderTask);
    const stuck = `${ctx.prefix}-sleepy-lynx`;
    const stuckRun = await createFlowRun(ctx, { flowId, name: stuck, state: 'RUNNING' });
    await createTaskRun(ctx, { flowRunId: stuckRun, name: 'prepare-0', state: 'COMPLETED' });
    await createTaskRun(ctx, {
      flowRunId: stuckRun,
      name: 'fine-tune-1',
      tags: [tag],
      state: 'PENDING',
    });
    return { visible: { run: stuck }, hidden: { tag } };
  },
  async truth(ctx, { hidden }) {
    const [holder] = await tagSlotHolders(ctx, hidden.tag);
    const task = await readTaskRun(ctx, holder!);
    const run = await readFlowRun(ctx, task.flow_run_id);
    return { kind: 'task_waiting_on_tag_limit', holderTask: task.name, holderRun: run.name };
  },
  async plan(agent, { run }) {
    const { structured } = await agent.call('prefect_diagnose_flow_run', { flowRunId: run });
    const cause = (structured as unknown as Diagnosis).causes?.[0];
    const line = cause?.evidence.find((e) => e.startsWith('slot held by task run')) ?? '';
    const match = /^slot held by task run (\S+) .*, of flow run (\S+) /.exec(line);
    return { kind: cause?.kind, holderTask: match?.[1], holderRun: match?.[2] };
  },
  codePlan: (agent, { run }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseFlowRun({ flowRunId: ${JSON.stringify(run)} });
const cause = d.causes?.[0];
const line = cause?.evidence.find((e) => e.startsWith('slot held by task run')) ?? '';
const match = /^slot held by task run (\\S+) .*, of flow run (\\S+) /.exec(line);
return { kind: cause?.kind, holderTask: match?.[1], holderRun: match?.[2] };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.kind !== truth.kind) problems.push(`cause ${answer.kind}, expected ${truth.kind}`);
    if (answer.holderTask !== truth.holderTask)
      problems.push(`holder task ${answer.holderTask}, expected ${truth.holderTask}`);
    if (answer.holderRun !== truth.holderRun)
      problems.push(`holder run ${answer.holderRun}, expected ${truth.holderRun}`);
    return problems;
  },
});
