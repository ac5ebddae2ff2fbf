import type { CallOptions } from '@mlops-mcp/core';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import type { PrefectWorkPoolView } from '../work-pools/work-pool.js';
import { formatDuration, oneLine, secondsSince, timeAndAge } from './format.js';
import { poolOrNull } from './pool-or-null.js';
import {
  CANCELLING_STUCK_SECONDS,
  LONGER_THAN_USUAL_FACTOR,
  PENDING_STUCK_SECONDS,
  SILENT_LOG_SECONDS,
  type StuckFacts,
  type StuckFinding,
} from './stuck-run-facts.js';
import { describeTaskRunHolders, holderLines } from './task-run-holders.js';
import { onlineWorkers, workerEvidence } from './worker-liveness.js';

/** Checks a PENDING, RUNNING or CANCELLING run for what keeps it from progressing. */
export async function checkStuckRun(
  client: PrefectAdapter,
  run: PrefectFlowRunView,
  now: number,
  options?: CallOptions,
): Promise<{ findings: StuckFinding[]; facts: StuckFacts }> {
  const [pool, logs, completed, waiting, limits] = await Promise.all([
    run.workPool ? poolOrNull(client, run.workPool, options) : undefined,
    client.getFlowRunLogs(
      { flowRunId: run.id, limit: 20, newestFirst: true, maxMessageChars: 500 },
      options,
    ),
    run.deploymentId
      ? client.listFlowRuns(
          {
            deploymentIds: [run.deploymentId],
            stateTypes: ['COMPLETED'],
            sort: 'END_TIME_DESC',
            limit: 20,
          },
          options,
        )
      : undefined,
    client.listTaskRuns(
      { flowRunId: run.id, stateTypes: ['PENDING', 'SCHEDULED'], limit: 50 },
      options,
    ),
    client.listConcurrencyLimits(options),
  ]);
  const facts: StuckFacts = {};
  const findings: StuckFinding[] = [];
  const inState = run.stateAt ? secondsSince(run.stateAt, now) : undefined;
  if (inState !== undefined) facts.timeInStateSeconds = Math.round(inState);
  const state = run.stateName ?? run.rawStatus;
  const since = run.stateAt ? ` since ${timeAndAge(run.stateAt, now)}` : '';

  // Task runs waiting for a full tag limit: the engine holds them PENDING until a slot frees.
  if (waiting.items.length) {
    facts.waitingTaskRuns = waiting.items.map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.stateName ? { stateName: t.stateName } : {}),
      ...(t.tags ? { tags: t.tags } : {}),
    }));
  }
  const fullTags = limits.filter(
    (l) => l.kind === 'tag' && l.atCapacity && waiting.items.some((t) => t.tags?.includes(l.name)),
  );
  const holders = await describeTaskRunHolders(
    client,
    fullTags.flatMap((l) => (l.holders ?? []).slice(0, 5)),
    now,
    options,
  );
  for (const limit of fullTags) {
    const blocked = waiting.items.filter((t) => t.tags?.includes(limit.name));
    if (blocked.length === 0) continue;
    findings.push({
      cause: {
        kind: 'task_waiting_on_tag_limit',
        summary: `Task run ${blocked.map((t) => t.name).join(', ')} waits for tag concurrency limit ${limit.name}: ${limit.activeSlots} of ${limit.limit} slots are taken.`,
        evidence: [
          ...blocked
            .slice(0, 5)
            .map(
              (t) =>
                `task run ${t.name} (${t.id}): ${t.stateName ?? t.rawStatus}, tags ${t.tags?.join(', ')}`,
            ),
          `tag limit ${limit.name}: limit ${limit.limit}, ${limit.activeSlots} slots occupied`,
          ...holderLines(limit.holders, holders),
        ],
      },
      nextStep: `See which task runs hold tag ${limit.name}'s slots (prefect concurrency-limit inspect "${limit.name}"); free leaked slots with prefect concurrency-limit reset "${limit.name}", or raise the limit.`,
    });
  }

  if (pool === null) {
    findings.push({
      cause: {
        kind: 'pool_missing',
        summary: `Work pool ${run.workPool} no longer exists, so no worker looks after the run.`,
        evidence: [
          `flow run ${run.name} names work pool ${run.workPool}, which the API does not know`,
        ],
      },
      nextStep:
        'Cancel the run (prefect_cancel_flow_run) and rerun it from a deployment on an existing pool.',
    });
  } else if (pool) {
    const online = onlineWorkers(pool, now);
    facts.workPool = {
      name: pool.name,
      type: pool.type,
      ...(pool.status ? { status: pool.status } : {}),
      onlineWorkers: online.length,
    };
    if (online.length === 0) findings.push(noWorkerFinding(run, pool, now));
  }

  if (run.rawStatus === 'PENDING' && inState !== undefined && inState > PENDING_STUCK_SECONDS) {
    findings.push({
      cause: {
        kind: 'stuck_pending',
        summary: `The run has been PENDING for ${formatDuration(inState)}: a worker submitted it, but its infrastructure never started the flow.`,
        evidence: [`flow run ${run.name}: ${state}${since}`],
      },
      nextStep:
        "Check the infrastructure the worker submitted to (pod or container events, image pull, quotas) and the worker's logs.",
    });
  }
  if (
    run.rawStatus === 'CANCELLING' &&
    inState !== undefined &&
    inState > CANCELLING_STUCK_SECONDS
  ) {
    findings.push({
      cause: {
        kind: 'cancellation_not_acknowledged',
        summary: `Cancellation was requested ${formatDuration(inState)} ago and no worker has acted on it.`,
        evidence: [`flow run ${run.name}: ${state}${since}`],
      },
      nextStep:
        'Make sure a worker of the pool is online (it kills the infrastructure); if the run is gone already, force it to Cancelled.',
    });
  }

  const durations = (completed?.items ?? [])
    .map(durationSeconds)
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  if (durations.length) {
    facts.typicalDuration = {
      completedRuns: durations.length,
      medianSeconds: round(durations[Math.floor((durations.length - 1) / 2)]!),
      maxSeconds: round(durations.at(-1)!),
    };
    const max = durations.at(-1)!;
    const threshold = Math.max(LONGER_THAN_USUAL_FACTOR * max, 60);
    if (run.rawStatus === 'RUNNING' && inState !== undefined && inState > threshold) {
      findings.push({
        cause: {
          kind: 'running_longer_than_usual',
          summary: `The run has been RUNNING for ${formatDuration(inState)}, more than ${LONGER_THAN_USUAL_FACTOR}× the longest of the deployment's last ${durations.length} completed runs (${formatDuration(max)}).`,
          evidence: [
            `flow run ${run.name}: ${state}${since}`,
            `last ${durations.length} completed runs of the deployment took ${formatDuration(durations[0]!)} to ${formatDuration(max)} (median ${formatDuration(facts.typicalDuration.medianSeconds)})`,
          ],
        },
        nextStep:
          'Look at the last log lines for what it is waiting on; cancel it (prefect_cancel_flow_run) if it is hung.',
      });
    }
  }

  const last = logs.items[0];
  if (last) facts.lastLog = { timestamp: last.timestamp, level: last.level, message: last.message };
  if (run.rawStatus === 'RUNNING') {
    const silent = last ? secondsSince(last.timestamp, now) : inState;
    if (silent !== undefined && silent > SILENT_LOG_SECONDS) {
      findings.push({
        cause: {
          kind: 'no_recent_logs',
          summary: last
            ? `The run has logged nothing for ${formatDuration(silent)}.`
            : `The run has logged nothing in ${formatDuration(silent)} of running.`,
          evidence: last
            ? [
                `last log line at ${timeAndAge(last.timestamp, now)}: ${last.level} ${oneLine(last.message)}`,
              ]
            : [`flow run ${run.name}: no log lines, ${state}${since}`],
        },
        nextStep:
          'Check whether its process is still alive on the infrastructure; a hung call or a dead process both go quiet.',
      });
    }
  }

  // Global limits only hold code that takes them; the logs say when the run waits for one.
  for (const limit of limits.filter((l) => l.kind === 'global' && l.atCapacity)) {
    const line = logs.items.find((l) => l.message.includes(limit.name));
    if (!line) continue;
    findings.push({
      cause: {
        kind: 'global_limit_full',
        summary: `Global concurrency limit ${limit.name} is full (${limit.activeSlots}/${limit.limit}) and the run's logs mention it.`,
        evidence: [
          `global limit ${limit.name}: limit ${limit.limit}, ${limit.activeSlots} slots occupied`,
          `log ${line.level} at ${line.timestamp}: ${oneLine(line.message)}`,
        ],
      },
      nextStep: `Inspect the limit (prefect global-concurrency-limit inspect "${limit.name}") and the runs holding it; raise it or free leaked slots.`,
    });
  }
  return { findings, facts };
}

function noWorkerFinding(
  run: PrefectFlowRunView,
  pool: PrefectWorkPoolView,
  now: number,
): StuckFinding {
  // A process worker runs flows as its own subprocesses; other types hand them to infrastructure.
  const consequence =
    pool.type === 'process'
      ? 'the run executed as a subprocess of that worker, so it has most likely died with it and nothing is left to report a final state'
      : 'no worker watches its infrastructure, so if it died nobody will mark it crashed';
  return {
    cause: {
      kind: 'no_online_worker',
      summary: `Work pool ${pool.name} has no online worker: ${consequence}.`,
      evidence: [
        `flow run ${run.name}: ${run.stateName ?? run.rawStatus}${run.stateAt ? ` since ${timeAndAge(run.stateAt, now)}` : ''} in work pool ${pool.name} (type ${pool.type})`,
        ...workerEvidence(pool, now),
      ],
    },
    nextStep: `Restart the pool's worker (prefect worker start --pool "${pool.name}") and check its host; if the run's process is gone, cancel the run (prefect_cancel_flow_run) and rerun it.`,
  };
}

function durationSeconds(run: PrefectFlowRunView): number | undefined {
  if (run.startedAt && run.endedAt)
    return (Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000;
  return run.totalRunTimeSeconds;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
