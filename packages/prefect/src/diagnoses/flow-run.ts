import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectFlowRunView } from '../flow-run.js';
import type { PrefectLogLine } from '../log-line.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import type { PrefectTaskRunView } from '../task-run.js';
import { BLOCKING_CAUSE_KINDS, blockingCauses } from './blocking-causes.js';
import { loadBlockingContext } from './blocking-context.js';
import { type Cause, CauseSchema } from './cause.js';
import { type Clue, FAILURE_CAUSE_KINDS, recogniseFailure } from './failure-patterns.js';
import { formatDuration, oneLine, secondsSince, timeAndAge } from './format.js';
import { isLate } from './late-runs.js';
import { automationOf, EventBriefSchema, eventBrief, eventsAboutRun } from './related-events.js';
import { dueAt, RunBriefSchema, runBrief } from './run-brief.js';
import { checkStuckRun, STUCK_CAUSE_KINDS, StuckFactsSchema } from './stuck-run.js';
import { excerptMessage, lastExceptionLine } from './traceback-excerpt.js';

/** Longest log message kept; the exception line survives the cut. */
const MAX_LOG_CHARS = 1_500;
/** Log lines kept in logTail: every distinct error first, then warnings. */
const MAX_LOG_TAIL = 6;

/** Every cause a flow run diagnosis can name. */
export const FLOW_RUN_CAUSE_KINDS = [
  ...FAILURE_CAUSE_KINDS,
  ...STUCK_CAUSE_KINDS,
  ...BLOCKING_CAUSE_KINDS,
] as const;

/** The answer to "why did run X fail, crash or get stuck?". */
export const FlowRunDiagnosisSchema = z.object({
  run: RunBriefSchema.extend({
    stateMessage: z.string().optional(),
    stateAt: z.string().optional().describe('When it entered its current state'),
    startedAt: z.string().optional(),
    endedAt: z.string().optional(),
  }),
  selection: z
    .string()
    .optional()
    .describe('How the run was picked when only a flow or deployment was given'),
  verdict: z.string().describe('One sentence naming the cause'),
  causes: z
    .array(CauseSchema.extend({ kind: z.enum(FLOW_RUN_CAUSE_KINDS) }))
    .describe('Causes found, most decisive first, each with its evidence'),
  failedTaskRuns: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        stateType: z.string(),
        stateName: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .optional()
    .describe('FAILED or CRASHED task runs (up to 10)'),
  logTail: z
    .array(
      z.object({
        timestamp: z.string(),
        level: z.string(),
        message: z.string(),
        truncated: z.boolean().optional(),
        taskRun: z.string().optional(),
        folded: z
          .number()
          .optional()
          .describe('Near-identical lines (same exception) folded into this one'),
      }),
    )
    .optional()
    .describe(
      'The last WARNING, ERROR and CRITICAL log lines, newest first (up to 6); tracebacks cut keeping the exception line',
    ),
  relatedEvents: z
    .array(EventBriefSchema)
    .optional()
    .describe('Events about the run, newest first (up to 15)'),
  stuck: StuckFactsSchema.optional().describe('For PENDING, RUNNING and CANCELLING runs'),
  nextSteps: z.array(z.string()),
});
export type FlowRunDiagnosis = z.infer<typeof FlowRunDiagnosisSchema>;
type Kind = (typeof FLOW_RUN_CAUSE_KINDS)[number];
type Finding = { cause: Cause & { kind: Kind }; nextStep: string };

/** Diagnoses one flow run by its state: failure causes, late-run blockers or signs of being stuck. */
export async function diagnoseFlowRun(
  client: PrefectAdapter,
  flowRunId: string,
  now: number,
  options?: CallOptions,
): Promise<FlowRunDiagnosis> {
  const run = await client.getFlowRun(flowRunId, options);
  const deploymentName = run.deploymentId
    ? await deploymentFullName(client, run.deploymentId, options)
    : undefined;
  const base = {
    run: {
      ...runBrief(run, now, deploymentName),
      ...(run.stateMessage ? { stateMessage: run.stateMessage } : {}),
      ...(run.stateAt ? { stateAt: run.stateAt } : {}),
      ...(run.startedAt ? { startedAt: run.startedAt } : {}),
      ...(run.endedAt ? { endedAt: run.endedAt } : {}),
    },
  };
  const label = `Flow run ${run.name}`;
  switch (run.rawStatus) {
    case 'FAILED':
    case 'CRASHED':
      return { ...base, ...(await failed(client, run, now, options)) };
    case 'CANCELLED':
      return { ...base, ...(await cancelled(client, run, now, options)) };
    case 'SCHEDULED':
      return { ...base, ...(await scheduled(client, run, now, options)) };
    case 'PENDING':
    case 'RUNNING':
    case 'CANCELLING': {
      const { findings, facts } = await checkStuckRun(client, run, now, options);
      const inState = facts.timeInStateSeconds;
      const head = `${label} has been ${run.stateName ?? run.rawStatus}${inState !== undefined ? ` for ${formatDuration(inState)}` : ''}`;
      return {
        ...base,
        ...report(
          findings,
          findings.length
            ? `${head} and looks stuck: ${findings
                .map((f) => f.cause.summary)
                .slice(0, 2)
                .join(' Also: ')}`
            : `${head}; nothing indicates it is stuck (${healthyFacts(facts, now)}).`,
        ),
        stuck: facts,
      };
    }
    case 'PAUSED':
      return {
        ...base,
        verdict: `${label} is paused${run.stateAt ? ` since ${timeAndAge(run.stateAt, now)}` : ''}, waiting for input or a resume${run.stateMessage ? `: ${oneLine(run.stateMessage, 200)}` : ''}.`,
        causes: [],
        nextSteps: [
          'Resume it in the Prefect UI (or with resume_flow_run) once its input is ready.',
        ],
      };
    case 'COMPLETED':
      return {
        ...base,
        verdict: `${label} completed${run.endedAt ? ` at ${run.endedAt}` : ''}${run.startedAt && run.endedAt ? ` after ${formatDuration((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000)}` : ''}; there is nothing to diagnose.`,
        causes: [],
        nextSteps: [],
      };
    default:
      return {
        ...base,
        verdict: `${label} is in state ${run.rawStatus}, which this diagnosis does not know.`,
        causes: [],
        nextSteps: [],
      };
  }
}

/** FAILED or CRASHED: failed task runs, the error log tail and events, read for a known cause. */
async function failed(
  client: PrefectAdapter,
  run: PrefectFlowRunView,
  now: number,
  options?: CallOptions,
) {
  const [tasks, logs, events] = await Promise.all([
    client.listTaskRuns(
      { flowRunId: run.id, stateTypes: ['FAILED', 'CRASHED'], limit: 10 },
      options,
    ),
    client.getFlowRunLogs(
      { flowRunId: run.id, minLevel: 30, limit: 20, newestFirst: true, maxMessageChars: 10_000 },
      options,
    ),
    eventsAboutRun(client, run, now, options),
  ]);
  const taskName = new Map(tasks.items.map((t) => [t.id, t.name]));
  const logSource = (line: PrefectLogLine) => {
    const task = line.taskRunId ? taskName.get(line.taskRunId) : undefined;
    return `log ${line.level} at ${line.timestamp}${task ? ` (task run ${task})` : ''}`;
  };
  const errors = logs.items.filter((l) => l.level === 'ERROR' || l.level === 'CRITICAL');
  const clues: Clue[] = [
    ...(run.stateMessage ? [{ source: 'state message', text: run.stateMessage }] : []),
    ...tasks.items.flatMap((t) =>
      t.stateMessage ? [{ source: `task run ${t.name}`, text: t.stateMessage }] : [],
    ),
    ...errors.map((l) => ({ source: logSource(l), text: l.message })),
    ...logs.items
      .filter((l) => !errors.includes(l))
      .map((l) => ({ source: logSource(l), text: l.message })),
  ];
  const findings = recogniseFailure(run.rawStatus, clues);
  const inTask = tasks.items[0] ? ` in task run ${tasks.items.map((t) => t.name).join(', ')}` : '';
  const verdict = findings[0]
    ? `Flow run ${run.name} ${run.rawStatus}${inTask}: ${findings[0].cause.summary}`
    : `Flow run ${run.name} ${run.rawStatus}${inTask}, with no state message, task error or error log to say why.`;
  return {
    ...report(findings, verdict),
    ...(tasks.items.length ? { failedTaskRuns: tasks.items.map(taskBrief) } : {}),
    ...(logs.items.length
      ? {
          logTail: foldLogs(logs.items).map(({ line: l, folded }) => {
            const { text, truncated } = excerptMessage(l.message, MAX_LOG_CHARS);
            const task = l.taskRunId ? taskName.get(l.taskRunId) : undefined;
            return {
              timestamp: l.timestamp,
              level: l.level,
              message: text,
              ...(truncated || l.truncated ? { truncated: true } : {}),
              ...(task ? { taskRun: task } : {}),
              ...(folded ? { folded } : {}),
            };
          }),
        }
      : {}),
    ...(events.length ? { relatedEvents: events.map((e) => eventBrief(e, run.id)) } : {}),
  };
}

/** CANCELLED: by whom, from the state message and the events of the cancellation. */
async function cancelled(
  client: PrefectAdapter,
  run: PrefectFlowRunView,
  now: number,
  options?: CallOptions,
) {
  const events = await eventsAboutRun(client, run, now, options);
  const cancelling = events.filter((e) => /\.Cancell?(ing|ed)$/.test(e.event));
  const automation =
    cancelling.map(automationOf).find((a) => a !== undefined) ??
    (run.stateMessage && /automation/i.test(run.stateMessage) ? 'an automation' : undefined);
  const evidence = [
    ...(run.stateMessage ? [`state message: ${oneLine(run.stateMessage)}`] : []),
    ...cancelling.map(
      (e) =>
        `event ${e.event} at ${e.occurred}${automationOf(e) ? ` by automation ${automationOf(e)}` : ''}`,
    ),
    ...(run.stateAt ? [`cancelled at ${timeAndAge(run.stateAt, now)}`] : []),
  ];
  const finding: Finding = automation
    ? {
        cause: {
          kind: 'cancelled_by_automation',
          summary: `The run was cancelled by automation ${automation}.`,
          evidence,
        },
        nextStep:
          "Check the automation's trigger (prefect_diagnose_automation) if the cancellation was unexpected.",
      }
    : {
        cause: {
          kind: 'cancelled_by_user',
          summary: `The run was cancelled by a user or an API call${run.stateMessage ? ` (${oneLine(run.stateMessage, 200)})` : ''}.`,
          evidence,
        },
        nextStep:
          'Rerun it from its deployment (prefect_create_flow_run) if it should have finished.',
      };
  return {
    ...report([finding], `Flow run ${run.name} CANCELLED: ${finding.cause.summary}`),
    ...(events.length ? { relatedEvents: events.map((e) => eventBrief(e, run.id)) } : {}),
  };
}

/** SCHEDULED: when late, what blocks it; when not yet due, what would. */
async function scheduled(
  client: PrefectAdapter,
  run: PrefectFlowRunView,
  now: number,
  options?: CallOptions,
) {
  const ctx = await loadBlockingContext(client, [run], now, options);
  const findings = blockingCauses(run, ctx);
  const due = dueAt(run);
  if (isLate(run, now)) {
    const first = findings[0]!;
    return report(
      findings,
      `Flow run ${run.name} is late${due ? ` by ${formatDuration(secondsSince(due, now))} (due ${due})` : ''}: ${first.cause.summary}`,
    );
  }
  const blockers = findings.filter((f) => f.cause.kind !== 'no_blocker_found');
  const when = due ? ` for ${timeAndAge(due, now)}` : '';
  return report(
    blockers,
    blockers.length
      ? `Flow run ${run.name} is scheduled${when} and not late yet, but when it comes due it would be held back: ${blockers[0]!.cause.summary}`
      : `Flow run ${run.name} is scheduled${when} and not late; nothing blocks it.`,
  );
}

function report(findings: readonly Finding[], verdict: string) {
  return {
    verdict,
    causes: findings.map((f) => f.cause),
    nextSteps: [...new Set(findings.map((f) => f.nextStep))],
  };
}

function taskBrief(task: PrefectTaskRunView) {
  return {
    id: task.id,
    name: task.name,
    stateType: task.rawStatus,
    ...(task.stateName ? { stateName: task.stateName } : {}),
    ...(task.stateMessage ? { message: excerptMessage(task.stateMessage, 500).text } : {}),
  };
}

function healthyFacts(facts: z.infer<typeof StuckFactsSchema>, now: number): string {
  const parts: string[] = [];
  if (facts.workPool)
    parts.push(
      `work pool ${facts.workPool.name} has ${facts.workPool.onlineWorkers} online worker(s)`,
    );
  if (facts.lastLog)
    parts.push(`last log ${formatDuration(secondsSince(facts.lastLog.timestamp, now))} ago`);
  if (facts.typicalDuration) {
    parts.push(
      `recent completed runs took up to ${formatDuration(facts.typicalDuration.maxSeconds)}`,
    );
  }
  return parts.join('; ') || 'no pool, logs or run history to compare with';
}

async function deploymentFullName(
  client: PrefectAdapter,
  id: string,
  options?: CallOptions,
): Promise<string | undefined> {
  const page = await client.listDeployments(
    { filter: { deployments: { id: { any_: [id] } } }, limit: 1 },
    options,
  );
  const deployment = page.items[0];
  return deployment?.fullName ?? deployment?.name;
}

/**
 * Warning-and-above lines (newest first) with near-identical ones folded: Prefect's engine logs
 * the same exception's traceback for the task run and again for the flow run, and a retried
 * call logs the same warning each time. Distinct errors are kept before warnings; the result is
 * newest first.
 */
function foldLogs(lines: readonly PrefectLogLine[]): { line: PrefectLogLine; folded: number }[] {
  const groups = new Map<string, { line: PrefectLogLine; folded: number }>();
  for (const line of lines) {
    const key = `${line.level}\u0000${foldKey(line.message)}`;
    const group = groups.get(key);
    if (group) group.folded++;
    else groups.set(key, { line, folded: 0 });
  }
  const all = [...groups.values()];
  const severe = all.filter((g) => g.line.level === 'ERROR' || g.line.level === 'CRITICAL');
  const kept = [...severe, ...all.filter((g) => !severe.includes(g))].slice(0, MAX_LOG_TAIL);
  return all.filter((g) => kept.includes(g));
}

/** A traceback by its exception line, another line with its numbers blanked; ids and addresses blanked. */
function foldKey(message: string): string {
  const exception = message.includes('Traceback') ? lastExceptionLine(message) : undefined;
  const key = (exception ?? message)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/0x[0-9a-f]+/gi, '<addr>')
    .replace(/\s+/g, ' ')
    .trim();
  return exception ? `exception ${key}` : key.replace(/\d+/g, '<n>');
}
