import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  failure,
  type PrefectSeed,
  pythonEnv,
  type RunningServer,
  runTool,
  startSeededPrefect,
} from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseAutomationTool } from '../automations/diagnose-automation.js';
import { createPrefectAdapter, type PrefectAdapter, prefectTools } from '../index.js';
import { diagnoseFlowRunTool } from './diagnose-flow-run.js';
import { diagnoseLateRunsTool } from './diagnose-late-runs.js';

/** Manifest printed by testkit/python/seed_prefect_diagnoses.py. */
interface DiagnosesSeed {
  deployments: Record<string, string>;
  workPools: { stale: string; diag: string; healthy: string };
  workers: { stale: string; diag: string; healthy: string };
  queue: string;
  tagLimit: string;
  flowRuns: Record<
    | 'stuckRunning'
    | 'queueHolder'
    | 'lateQueue'
    | 'deploymentHolder'
    | 'lateDeployment'
    | 'tagHolder'
    | 'tagBlocked'
    | 'lateTagged'
    | 'latePausedPool'
    | 'latePausedQueue'
    | 'latePausedDeployment'
    | 'healthyCompleted'
    | 'healthyScheduled',
    string
  >;
  taskRuns: { tagHolder: string; tagBlocked: string };
  stuckLastLog: string;
}

const DIAGNOSES_SEED = fileURLToPath(
  new URL('../../../testkit/python/seed_prefect_diagnoses.py', import.meta.url),
);

/**
 * Adds the diagnosis scenarios on top of the shared seed. They live in their own script, run only
 * here, because the listing tests assert exact counts of the shared workspace. So this file owns
 * its seeded server rather than adding these scenarios to the run's shared one.
 */
async function seedDiagnoses(apiUrl: string): Promise<DiagnosesSeed> {
  const py = await pythonEnv();
  const home = await mkdtemp(join(tmpdir(), 'mlops-mcp-prefect-diagnoses-'));
  // Inherited PREFECT_* settings (a Cloud profile, say) must not redirect the seed.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('PREFECT_')),
  );
  try {
    const { stdout } = await promisify(execFile)(py.bin('python'), [DIAGNOSES_SEED], {
      env: {
        ...env,
        PREFECT_API_URL: apiUrl,
        PREFECT_HOME: home,
        PREFECT_PROFILES_PATH: join(home, 'profiles.toml'),
        PYTHONUNBUFFERED: '1',
        DO_NOT_TRACK: 'true',
        NO_PROXY: '127.0.0.1,localhost',
        no_proxy: '127.0.0.1,localhost',
      },
      timeout: 120_000,
    });
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as DiagnosesSeed;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

let server: RunningServer;
let seed: PrefectSeed;
let diag: DiagnosesSeed;
let prefect: PrefectAdapter;

beforeAll(async () => {
  ({ server, seed } = await startSeededPrefect());
  diag = await seedDiagnoses(server.url);
  prefect = createPrefectAdapter({ apiUrl: server.url, source: 'env' });
});

afterAll(async () => {
  await prefect?.close();
  await server?.stop();
});

const verdicts: Record<string, string> = {};

afterAll(() => {
  // The verdicts each scenario produced, for the record.
  for (const [scenario, verdict] of Object.entries(verdicts)) {
    process.stderr.write(`verdict[${scenario}]: ${verdict}\n`);
  }
});

describe('diagnosis tools', () => {
  it('are read-only tools of the diagnoses toolset, listed with the other Prefect tools', () => {
    const tools = prefectTools.filter((t) => t.toolsets.includes('diagnoses'));
    expect(tools.map((t) => t.name)).toEqual([
      'prefect_diagnose_flow_run',
      'prefect_diagnose_late_runs',
      'prefect_diagnose_automation',
    ]);
    for (const tool of tools) expect(tool.access).toBe('read');
  });
});

describe('prefect_diagnose_flow_run', () => {
  it('names the upstream 503 of the failed run, with the log line, failed task and events', async () => {
    const result = await runTool(diagnoseFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.failed,
    });
    verdicts.failed = result.verdict;
    expect(result.run).toMatchObject({ name: 'failed-run', stateType: 'FAILED' });
    expect(result.verdict).toContain('in task run transform-0');
    expect(result.verdict).toContain('answered 503 (https://api.example.com/v1/orders');
    const cause = result.causes[0]!;
    expect(cause.kind).toBe('upstream_http_5xx');
    expect(cause.evidence).toContainEqual(
      expect.stringMatching(
        /^log ERROR at .* \(task run transform-0\): RuntimeError: upstream API answered 503 Service Unavailable for url 'https:\/\/api\.example\.com\/v1\/orders'$/,
      ),
    );
    expect(cause.evidence).toContainEqual(`state message: ${seed.failedMessage}`);
    expect(result.failedTaskRuns).toEqual([
      expect.objectContaining({
        id: seed.taskRuns.failed,
        name: 'transform-0',
        stateType: 'FAILED',
        message: 'RuntimeError: upstream API answered 503',
      }),
    ]);
    const tail = result.logTail!;
    expect(tail.map((l) => l.level)).toEqual(['ERROR', 'WARNING']);
    expect(tail[1]!.message).toBe(
      'Retrying request to https://api.example.com/v1/orders after HTTP 503',
    );
    expect(tail[0]).toMatchObject({ level: 'ERROR', truncated: true, taskRun: 'transform-0' });
    expect(tail[0]!.message).toContain('upstream API answered 503');
    expect(tail[0]!.message.length).toBeLessThan(1_600);
    const events = result.relatedEvents!.map((e) => e.event);
    expect(events).toContain('prefect.flow-run.Failed');
    expect(events).toContain('acme.warehouse.unreachable');
    expect(result.nextSteps[0]).toContain('retries');
  });

  it('recognises the lost concurrency lease of the crashed run', async () => {
    const result = await runTool(diagnoseFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.crashed,
    });
    verdicts.crashed = result.verdict;
    expect(result.causes.map((c) => c.kind)).toEqual(['lost_concurrency_lease']);
    expect(result.causes[0]!.evidence).toEqual([`state message: ${seed.crashedMessage}`]);
    expect(result.verdict).toMatch(
      /^Flow run crashed-run CRASHED: The run lost its concurrency lease/,
    );
    expect(result.verdict).toContain('connectivity');
  });

  it('finds the RUNNING run stuck in a pool whose only worker stopped heartbeating', async () => {
    const result = await runTool(diagnoseFlowRunTool, prefect, {
      flowRunId: diag.flowRuns.stuckRunning,
    });
    verdicts.stuckRunning = result.verdict;
    expect(result.verdict).toMatch(
      /^Flow run stuck-running-run has been Running for .* and looks stuck: Work pool stale-pool has no online worker/,
    );
    expect(result.causes[0]!.kind).toBe('no_online_worker');
    expect(result.causes.map((c) => c.kind)).toContain('no_recent_logs');
    expect(result.causes[0]!.evidence).toContainEqual(
      expect.stringMatching(
        /^worker stale-worker of pool stale-pool: status \w+, last heartbeat .* ago\), expected every 1 s/,
      ),
    );
    expect(result.causes.find((c) => c.kind === 'no_recent_logs')!.summary).toMatch(
      /logged nothing for 40 min/,
    );
    expect(result.stuck).toMatchObject({
      workPool: { name: 'stale-pool', onlineWorkers: 0 },
      lastLog: { level: 'INFO', message: diag.stuckLastLog },
      typicalDuration: { completedRuns: 3 },
    });
  });

  it('finds the running run whose gpu task waits on the full gpu tag limit', async () => {
    const result = await runTool(diagnoseFlowRunTool, prefect, {
      flowRunId: diag.flowRuns.tagBlocked,
    });
    verdicts.tagBlocked = result.verdict;
    const cause = result.causes[0]!;
    expect(cause.kind).toBe('task_waiting_on_tag_limit');
    expect(cause.summary).toBe(
      'Task run train-1 waits for tag concurrency limit gpu: 1 of 1 slots are taken.',
    );
    expect(cause.evidence).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^slot held by task run train-0 \\(${diag.taskRuns.tagHolder}\\), Running since .*, of flow run tag-holder-run \\(${diag.flowRuns.tagHolder}\\), Running$`,
        ),
      ),
    );
    expect(cause.evidence).toContain('tag limit gpu: limit 1, 1 slots occupied');
    expect(result.causes.map((c) => c.kind)).not.toContain('no_online_worker');
    expect(result.stuck!.waitingTaskRuns).toEqual([
      expect.objectContaining({ id: diag.taskRuns.tagBlocked, tags: ['gpu'] }),
    ]);
  });

  it('explains a Late run by what blocks it', async () => {
    const result = await runTool(diagnoseFlowRunTool, prefect, { flowRunId: seed.flowRuns.late });
    verdicts.lateRun = result.verdict;
    expect(result.verdict).toMatch(
      /^Flow run late-run is late by 2 h .*: Work pool k8s-no-worker has no online worker/,
    );
    expect(result.run.lateBySeconds).toBeGreaterThan(7000);
  });

  it('says who cancelled a cancelled run and that a completed one needs nothing', async () => {
    const cancelled = await runTool(diagnoseFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.cancelled,
    });
    expect(cancelled.causes.map((c) => c.kind)).toEqual(['cancelled_by_user']);
    const completed = await runTool(diagnoseFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.completed,
    });
    expect(completed.causes).toEqual([]);
    expect(completed.verdict).toContain('nothing to diagnose');
  });

  it('takes the run by its name, or the latest failed run of a flow, as users name them', async () => {
    const byName = await runTool(diagnoseFlowRunTool, prefect, { flowRunId: 'failed-run' });
    expect(byName.run.id).toBe(seed.flowRuns.failed);
    expect(byName.selection).toBeUndefined();
    const byFlow = await runTool(diagnoseFlowRunTool, prefect, { flow: 'train-model' });
    expect(byFlow.run).toMatchObject({ id: seed.flowRuns.crashed, stateType: 'CRASHED' });
    expect(byFlow.selection).toBe(
      'Diagnosed the latest FAILED or CRASHED run of flow train-model.',
    );
  });

  it('answers an ambiguous run name with the candidates, not a guess', async () => {
    const error = await failure(runTool(diagnoseFlowRunTool, prefect, { flowRunId: 'stale-ok' }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/^3 flow runs are named like "stale-ok": /);
    for (const name of ['stale-ok-0', 'stale-ok-1', 'stale-ok-2']) {
      expect(error.message).toContain(`${name} (`);
    }
    expect(error.hint).toContain('Pass the id');
  });

  it('answers a flow without failed runs with its latest runs', async () => {
    const error = await failure(runTool(diagnoseFlowRunTool, prefect, { flow: 'weekly-report' }));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('Prefect: flow weekly-report has no FAILED or CRASHED flow run.');
    expect(error.hint).toContain('healthy-completed-run (');
  });

  it('answers an unknown run with not_found', async () => {
    const error = await failure(
      runTool(diagnoseFlowRunTool, prefect, {
        flowRunId: '00000000-0000-0000-0000-000000000000',
      }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('prefect_diagnose_late_runs', () => {
  it('groups every late run of the workspace by its blocking cause', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {});
    verdicts.workspace = result.verdict;
    expect(result.scope).toBe('the workspace');
    expect(result.lateRunCount).toBe(8);
    expect(result.runs.map((r) => r.id).sort()).toEqual(
      [
        seed.flowRuns.late,
        seed.flowRuns.lateLimited,
        diag.flowRuns.lateQueue,
        diag.flowRuns.lateDeployment,
        diag.flowRuns.lateTagged,
        diag.flowRuns.latePausedPool,
        diag.flowRuns.latePausedQueue,
        diag.flowRuns.latePausedDeployment,
      ].sort(),
    );
    expect(result.verdict).toMatch(/^8 late runs in the workspace\. /);
    // Priority order: a missing worker before pauses, pauses before full limits, tags last.
    expect([...new Set(result.causes.map((c) => c.kind))]).toEqual([
      'pool_no_online_worker',
      'pool_paused',
      'queue_paused',
      'deployment_paused',
      'pool_limit_full',
      'queue_limit_full',
      'deployment_limit_full',
      'queue_not_polled',
      'tag_limit_full',
    ]);
  });

  it('blames the paused pool, the paused queue and the paused deployment', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {});
    const held = (kind: string) => result.causes.find((c) => c.kind === kind)!;
    expect(held('pool_paused')).toMatchObject({
      summary: 'Work pool paused-pool is paused: workers get no runs from it.',
      runs: [{ id: diag.flowRuns.latePausedPool, name: 'late-paused-pool-run' }],
    });
    expect(held('queue_paused')).toMatchObject({
      summary: 'Work queue held-queue of pool diag-pool is paused: its runs are not handed out.',
      runs: [{ id: diag.flowRuns.latePausedQueue, name: 'late-paused-queue-run' }],
    });
    expect(held('deployment_paused')).toMatchObject({
      summary: 'Deployment nightly-etl/paused is paused.',
      runs: [{ id: diag.flowRuns.latePausedDeployment, name: 'late-paused-deployment-run' }],
    });
    expect(result.nextSteps).toContain('Resume the pool: prefect work-pool resume "paused-pool".');
  });

  it('blames the pool with no worker', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {});
    const cause = result.causes.find((c) => c.kind === 'pool_no_online_worker')!;
    expect(cause.summary).toBe('Work pool k8s-no-worker has no online worker to start the run.');
    expect(cause.evidence).toContain(
      'work pool k8s-no-worker (type process): no worker has ever sent a heartbeat',
    );
    expect(cause.runs).toEqual([{ id: seed.flowRuns.late, name: 'late-run' }]);
    expect(result.nextSteps).toContain(
      'Start a worker for the pool (prefect worker start --pool "k8s-no-worker"), or find out why it stopped from its host\'s logs.',
    );
  });

  it('blames the pool concurrency limit of 1 and names the run holding it', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, { workPool: 'etl-pool' });
    verdicts.poolLimit = result.verdict;
    const cause = result.causes[0]!;
    expect(cause.kind).toBe('pool_limit_full');
    expect(cause.summary).toBe("Work pool etl-pool's concurrency limit of 1 is full.");
    expect(cause.evidence).toContain('work pool etl-pool: concurrency limit 1, 1 slots occupied');
    expect(cause.evidence).toContainEqual(
      expect.stringContaining(`held by flow run running-run (${seed.flowRuns.running})`),
    );
    expect(cause.runs).toEqual([{ id: seed.flowRuns.lateLimited, name: 'late-limited-run' }]);
    // Secondary: etl-pool's worker is online, but nothing ever polled the run's queue.
    expect(result.runs[0]!.causes).toEqual(['pool_limit_full', 'queue_not_polled']);
  });

  it('blames the full queue limit', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {
      deployment: 'weekly-report/queued',
    });
    verdicts.queueLimit = result.verdict;
    expect(result.causes.map((c) => c.kind)).toEqual(['queue_limit_full']);
    const cause = result.causes[0]!;
    expect(cause.summary).toBe(
      'Work queue reports-queue of pool diag-pool has its concurrency limit of 1 full.',
    );
    expect(cause.evidence).toContainEqual(
      expect.stringContaining(`held by flow run queue-holder-run (${diag.flowRuns.queueHolder})`),
    );
    expect(result.runs).toEqual([
      expect.objectContaining({ id: diag.flowRuns.lateQueue, causes: ['queue_limit_full'] }),
    ]);
  });

  it('blames the full deployment limit and the run holding it', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {
      deployment: diag.deployments['nightly-etl/limited']!,
    });
    verdicts.deploymentLimit = result.verdict;
    expect(result.scope).toBe('deployment nightly-etl/limited');
    expect(result.causes.map((c) => c.kind)).toEqual(['deployment_limit_full']);
    const cause = result.causes[0]!;
    expect(cause.summary).toBe("Deployment nightly-etl/limited's concurrency limit of 1 is full.");
    expect(cause.evidence[0]).toBe(
      'deployment nightly-etl/limited: concurrency limit 1, 1 slots occupied',
    );
    expect(cause.evidence[1]).toContain(
      `slot held by flow run deployment-holder-run (${diag.flowRuns.deploymentHolder}), Running`,
    );
  });

  it('reports the full tag limit carried by the late run', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {
      deployment: 'nightly-etl/tagged',
    });
    verdicts.tagLimit = result.verdict;
    const cause = result.causes.find((c) => c.kind === 'tag_limit_full')!;
    expect(cause.summary).toBe('Tag concurrency limit gpu (1) is full; the run carries that tag.');
    expect(cause.evidence).toContain('tag limit gpu: limit 1, 1 slots occupied');
    expect(cause.evidence).toContainEqual(
      expect.stringContaining(
        `slot held by task run train-0 (${diag.taskRuns.tagHolder}), Running since `,
      ),
    );
    expect(cause.evidence).toContainEqual(
      expect.stringContaining(`of flow run tag-holder-run (${diag.flowRuns.tagHolder}), Running`),
    );
    expect(cause.runs).toEqual([{ id: diag.flowRuns.lateTagged, name: 'late-tagged-run' }]);
  });

  it('says plainly that a healthy pool and deployment have no late runs, naming what it checked', async () => {
    const pool = await runTool(diagnoseLateRunsTool, prefect, { workPool: 'healthy-pool' });
    verdicts.healthyPool = pool.verdict;
    expect(pool).toMatchObject({ lateRunCount: 0, causes: [], runs: [], nextSteps: [] });
    expect(pool.verdict).toBe(
      `No late runs in work pool healthy-pool: no scheduled run expected to start between ${pool.window.since} and ${pool.window.until} is overdue.`,
    );
    expect(Date.parse(pool.window.until) - Date.parse(pool.window.since)).toBeGreaterThan(
      6 * 86_400_000,
    );
    const deployment = await runTool(diagnoseLateRunsTool, prefect, {
      deployment: 'weekly-report/healthy',
    });
    expect(deployment.verdict).toMatch(/^No late runs in deployment weekly-report\/healthy:/);
  });

  it('answers an unknown pool with not_found rather than "no late runs"', async () => {
    const error = await failure(
      runTool(diagnoseLateRunsTool, prefect, { workPool: 'no-such-pool' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('prefect_list_work_pools');
  });
});

describe('prefect_diagnose_automation', () => {
  it('explains that threshold 3 within 1 h saw only one failed run', async () => {
    const result = await runTool(diagnoseAutomationTool, prefect, {
      automation: seed.automation.name,
    });
    verdicts.automation = result.verdict;
    expect(result.automation).toMatchObject({ id: seed.automation.id, enabled: true });
    expect(result.verdict).toMatch(
      /^Automation alert-on-repeated-failures did not fire: its Reactive trigger needs 3 prefect\.flow-run\.Failed events matching prefect\.resource\.id=prefect\.flow-run\.\* within 1 h, but only 1 matching event \(prefect\.flow-run\.Failed\) occurred in the last 1 h; at most 1 in any 1 h window of the last 24 h/,
    );
    expect(result.causes.map((c) => c.kind)).toEqual(['threshold_not_reached']);
    expect(result.checks[0]).toMatchObject({
      posture: 'Reactive',
      threshold: 3,
      withinSeconds: 3600,
      events: {
        matching: 1,
        inLastWindow: 1,
        maxInAnyWindow: 1,
        byEvent: [{ event: 'prefect.flow-run.Failed', count: 1 }],
        byResource: [{ resourceId: `prefect.flow-run.${seed.flowRuns.failed}`, count: 1 }],
      },
      conditionMet: false,
    });
    expect(result.firings).toMatchObject({ triggered: 0, actionFailures: [] });
  });

  it('finds the automation by id too, and answers an unknown name with the names it knows', async () => {
    const byId = await runTool(diagnoseAutomationTool, prefect, {
      automation: seed.automation.id,
    });
    expect(byId.automation.name).toBe(seed.automation.name);
    const error = await failure(
      runTool(diagnoseAutomationTool, prefect, { automation: 'alert-on-everything' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain(seed.automation.name);
  });
});
