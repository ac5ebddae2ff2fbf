import type { CallOptions } from '@mlops-mcp/core';
import type { z } from 'zod';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectLogLine } from '../flow-runs/log-line.js';
import type { PrefectTaskRunView } from '../flow-runs/task-run.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { blockingCauses } from './blocking-causes.js';
import { loadBlockingContext } from './blocking-context.js';
import { type Clue, recogniseFailure } from './failure-patterns.js';
import type { Finding, FlowRunDiagnosis } from './flow-run-diagnosis-schema.js';
import { foldLogs } from './fold-logs.js';
import { formatDuration, oneLine, secondsSince, timeAndAge } from './format.js';
import { isLate } from './late-runs.js';
import { automationOf, eventBrief, eventsAboutRun } from './related-events.js';
import { dueAt, runBrief } from './run-brief.js';
import { checkStuckRun } from './stuck-run.js';
import type { StuckFactsSchema } from './stuck-run-facts.js';
import { excerptMessage } from './traceback-excerpt.js';

/** Longest log message kept; the exception line survives the cut. */
const MAX_LOG_CHARS = 1_500;

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
