import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createFlow,
  createFlowRun,
  exceptionLine,
  readFlowRun,
  readLogs,
  writeLogs,
} from './prefect-rest.js';

interface Diagnosis {
  run: { id: string; stateType: string };
  logTail?: { level: string; message: string }[];
}

const trace = (who: string) =>
  `${who} - Encountered exception during execution:\nTraceback (most recent call last):\n${'  File "/opt/flows/invoices.py", line 88, in join_customers\n    row["customer_id"]\n'.repeat(15)}KeyError: 'customer_id'`;

/** "Why did run X fail?": the WARNING logged before the traceback is what explains it. */
export const whyRunFailed = defineTask({
  id: 'prefect-why-run-failed',
  question: (v: { run: string }) =>
    `Why did the Prefect flow run "${v.run}" fail? Give me the warning that explains it and the final exception.`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flowId = await createFlow(ctx, `${ctx.prefix}-invoice-sync`);
    const run = `${ctx.prefix}-crimson-owl`;
    const id = await createFlowRun(ctx, {
      flowId,
      name: run,
      state: 'FAILED',
      message: "Flow run encountered an exception: KeyError: 'customer_id'",
    });
    await writeLogs(ctx, id, [
      { level: 20, message: 'Reading invoices.parquet (48 213 rows)', secondsAgo: 90 },
      {
        level: 30,
        message:
          'Schema drift: column customer_id is missing from invoices.parquet (renamed to client_id upstream?)',
        secondsAgo: 80,
      },
      { level: 40, message: trace("Task run 'join-customers-0'"), secondsAgo: 70 },
      { level: 40, message: trace(`Flow run '${run}'`), secondsAgo: 69 },
    ]);
    return { visible: { run }, hidden: { id } };
  },
  async truth(ctx, { hidden }) {
    const [run, logs] = await Promise.all([
      readFlowRun(ctx, hidden.id),
      readLogs(ctx, hidden.id, 30),
    ]);
    return {
      id: hidden.id,
      state: run.state_type,
      warning: logs.find((l) => l.level === 30)!.message,
      exception: exceptionLine(logs.filter((l) => l.level >= 40).pop()!.message),
    };
  },
  async plan(agent, { run }) {
    const { structured } = await agent.call('prefect_diagnose_flow_run', { flowRunId: run });
    const d = structured as unknown as Diagnosis;
    const tail = d.logTail ?? [];
    return {
      id: d.run?.id,
      state: d.run?.stateType,
      warning: tail.find((l) => l.level === 'WARNING')?.message,
      exception: exceptionLine(tail.find((l) => l.level === 'ERROR')?.message ?? ''),
    };
  },
  codePlan: (agent, { run }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseFlowRun({ flowRunId: ${JSON.stringify(run)} });
const tail = d.logTail ?? [];
const error = tail.find((l) => l.level === 'ERROR')?.message ?? '';
return { id: d.run?.id, state: d.run?.stateType, warning: tail.find((l) => l.level === 'WARNING')?.message, exception: error.trim().split('\\n').pop().trim() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.id !== truth.id) problems.push(`diagnosed run ${answer.id}, expected ${truth.id}`);
    if (answer.state !== truth.state)
      problems.push(`state ${answer.state}, expected ${truth.state}`);
    if (answer.warning !== truth.warning)
      problems.push(`warning ${answer.warning}, expected ${truth.warning}`);
    if (answer.exception !== truth.exception)
      problems.push(`exception ${answer.exception}, expected ${truth.exception}`);
    return problems;
  },
});
