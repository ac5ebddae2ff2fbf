import { failure, pinnedVersion, runTool } from '@mlops-mcp/testkit';
import { sharedPrefect } from '@mlops-mcp/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { getAutomationTool } from './automations/get-automation.js';
import { listAutomationsTool } from './automations/list-automations.js';
import { listEventsTool } from './automations/list-events.js';
import { getDeploymentTool } from './deployments/get-deployment.js';
import { listDeploymentsTool } from './deployments/list-deployments.js';
import { pauseDeploymentTool, resumeDeploymentTool } from './deployments/set-deployment-paused.js';
import { cancelFlowRunTool } from './flow-runs/cancel-flow-run.js';
import { createFlowRunTool } from './flow-runs/create-flow-run.js';
import { getFlowRunTool } from './flow-runs/get-flow-run.js';
import { getFlowRunLogsTool } from './flow-runs/get-flow-run-logs.js';
import { listFlowRunsTool } from './flow-runs/list-flow-runs.js';
import { listTaskRunsTool } from './flow-runs/list-task-runs.js';
import { getFlowTool } from './flows/get-flow.js';
import { listFlowsTool } from './flows/list-flows.js';
import { createPrefectAdapter, prefectTools } from './index.js';
import { getOverviewTool } from './server/get-overview.js';
import { getServerInfoTool } from './server/get-server-info.js';
import { listBlocksTool } from './variables-and-blocks/list-blocks.js';
import { listVariablesTool } from './variables-and-blocks/list-variables.js';
import { getWorkPoolTool } from './work-pools/get-work-pool.js';
import { listConcurrencyLimitsTool } from './work-pools/list-concurrency-limits.js';
import { listWorkPoolsTool } from './work-pools/list-work-pools.js';

// The run's shared, seeded Prefect server (test/global-setup.ts).
const { url: prefectUrl, seed } = sharedPrefect();
const prefect = createPrefectAdapter({ apiUrl: prefectUrl, source: 'env' });

afterAll(async () => {
  await prefect.close();
});

/** The issues of the ZodError a tool's input schema throws. */
function inputIssues(call: () => unknown) {
  try {
    call();
  } catch (error) {
    if (error instanceof ZodError) return error.issues;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

/** POSTs a raw body to the Prefect API, bypassing the adapter. */
async function raw(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${prefectUrl}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

const ZERO_ID = '00000000-0000-0000-0000-000000000000';

describe('tool definitions', () => {
  it('names every tool prefect_<verb>_<noun> and marks exactly the four mutations as writes', () => {
    for (const tool of prefectTools) expect(tool.name).toMatch(/^prefect_[a-z]+_[a-z_]+$/);
    expect(
      prefectTools
        .filter((t) => t.access === 'write')
        .map((t) => t.name)
        .sort(),
    ).toEqual([
      'prefect_cancel_flow_run',
      'prefect_create_flow_run',
      'prefect_pause_deployment',
      'prefect_resume_deployment',
    ]);
    expect(new Set(prefectTools.map((t) => t.name)).size).toBe(prefectTools.length);
  });
});

describe('prefect_get_server_info', () => {
  it('reports version, health and security posture without credentials in the URL', async () => {
    const info = await runTool(getServerInfoTool, prefect, {});
    expect(info).toMatchObject({
      apiUrl: prefectUrl,
      version: pinnedVersion('prefect'),
      healthy: true,
      cloud: false,
      auth: 'none',
      serverRequiresAuth: false,
      csrfProtection: 'disabled',
      defaultLimit: 200,
    });
  });

  it('passes the adapter health probe with the server version', async () => {
    expect(await prefect.checkHealth()).toMatchObject({
      reachable: true,
      authenticated: true,
      version: pinnedVersion('prefect'),
    });
  });
});

describe('flows', () => {
  it('lists every seeded flow by name', async () => {
    const result = await runTool(listFlowsTool, prefect, {});
    expect(result.items.map((f) => f.name)).toEqual([
      'nightly-etl',
      'train-model',
      'weekly-report',
    ]);
    expect(result.items[0]!.ref.uri).toBe(`prefect://flows/${seed.flows['nightly-etl']}`);
  });

  it('filters flows by a substring of the name', async () => {
    const result = await runTool(listFlowsTool, prefect, { nameLike: 'TRAIN' });
    expect(result.items.map((f) => f.name)).toEqual(['train-model']);
  });

  it('gets one flow by id', async () => {
    const flow = await runTool(getFlowTool, prefect, { flowId: seed.flows['weekly-report']! });
    expect(flow.name).toBe('weekly-report');
  });

  it('answers an unknown flow id with not_found and a hint', async () => {
    const error = await failure(runTool(getFlowTool, prefect, { flowId: ZERO_ID }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('prefect_list_flows');
  });

  it('rejects a flow id that is not a UUID, naming the field', async () => {
    const error = await failure(runTool(getFlowTool, prefect, { flowId: 'nightly-etl' }));
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'flowId' });
  });
});

describe('deployments', () => {
  it('lists deployments with their "<flow>/<deployment>" names, pools and paused flags', async () => {
    const result = await runTool(listDeploymentsTool, prefect, {});
    const byName = Object.fromEntries(result.items.map((d) => [d.fullName, d]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(seed.deployments).sort());
    expect(byName['nightly-etl/prod']).toMatchObject({
      workPool: 'etl-pool',
      paused: false,
      tags: ['etl', 'prod'],
    });
    expect(byName['train-model/gpu']!.concurrencyLimit).toBe(2);
  });

  it('lists only paused deployments', async () => {
    const result = await runTool(listDeploymentsTool, prefect, { paused: true });
    expect(result.items.map((d) => d.fullName)).toEqual(['weekly-report/paused']);
  });

  it('lists the deployments of one work pool', async () => {
    const result = await runTool(listDeploymentsTool, prefect, { workPools: ['k8s-no-worker'] });
    expect(result.items.map((d) => d.fullName)).toEqual(['train-model/gpu']);
  });

  it('gets a deployment by "<flow>/<deployment>" with parameters and schema', async () => {
    const deployment = await runTool(getDeploymentTool, prefect, {
      deployment: 'nightly-etl/prod',
    });
    expect(deployment).toMatchObject({
      id: seed.deployments['nightly-etl/prod'],
      fullName: 'nightly-etl/prod',
      parameters: { date: 'today' },
      description: 'Nightly orders ETL',
    });
    expect(deployment.parameterSchema).toBeDefined();
  });

  it('gets a deployment by id and ref URI alike', async () => {
    const id = seed.deployments['weekly-report/paused']!;
    const byUri = await runTool(getDeploymentTool, prefect, {
      deployment: `prefect://deployments/${id}`,
    });
    expect(byUri).toMatchObject({ id, fullName: 'weekly-report/paused', paused: true });
  });

  it('answers an unknown deployment name with not_found and a hint', async () => {
    const error = await failure(
      runTool(getDeploymentTool, prefect, { deployment: 'nightly-etl/nope' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('prefect_list_deployments');
  });
});

describe('prefect_list_flow_runs', () => {
  const ids = (items: { id: string }[]) => items.map((r) => r.id).sort();

  it('finds failed runs with the error in their state message', async () => {
    const result = await runTool(listFlowRunsTool, prefect, { stateTypes: ['FAILED'] });
    expect(ids(result.items)).toEqual([seed.flowRuns.failed]);
    expect(result.items[0]).toMatchObject({
      status: 'failed',
      rawStatus: 'FAILED',
      stateMessage: seed.failedMessage,
    });
  });

  it('finds Late runs by state name and maps them to scheduled, keeping the name', async () => {
    const result = await runTool(listFlowRunsTool, prefect, { stateNames: ['Late'] });
    expect(ids(result.items)).toEqual([seed.flowRuns.late, seed.flowRuns.lateLimited].sort());
    for (const run of result.items) {
      expect(run).toMatchObject({ status: 'scheduled', rawStatus: 'SCHEDULED', stateName: 'Late' });
      expect(run.startDelaySeconds).toBeGreaterThan(3600);
    }
  });

  it('filters by work pool and deployment name together', async () => {
    const result = await runTool(listFlowRunsTool, prefect, {
      workPools: ['k8s-no-worker'],
      deployments: ['train-model/gpu'],
      stateTypes: ['CRASHED'],
    });
    expect(ids(result.items)).toEqual([seed.flowRuns.crashed]);
    expect(result.items[0]!.stateMessage).toContain('concurrency lease renewal failed');
  });

  it('filters by tag and by flow name', async () => {
    const result = await runTool(listFlowRunsTool, prefect, {
      tags: ['orders'],
      flows: ['nightly-etl'],
    });
    expect(ids(result.items)).toEqual([seed.flowRuns.failed]);
  });

  it('filters by expected start time window', async () => {
    const tomorrow = new Date(Date.now() + 12 * 3_600_000).toISOString();
    const result = await runTool(listFlowRunsTool, prefect, { since: tomorrow });
    expect(ids(result.items)).toEqual([seed.flowRuns.scheduled]);
  });

  it('sorts by expected start, oldest first', async () => {
    const result = await runTool(listFlowRunsTool, prefect, {
      sort: 'EXPECTED_START_TIME_ASC',
      limit: 200,
    });
    const times = result.items.map((r) => Date.parse(r.expectedStartAt!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.items.at(-1)!.id).toBe(seed.flowRuns.scheduled);
  });

  it('pages through every run without gaps or repeats', async () => {
    const all = await runTool(listFlowRunsTool, prefect, { limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await runTool(listFlowRunsTool, prefect, { limit: 3, cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((r) => r.id));
  });

  it('cuts a page to the response budget and resumes exactly where it stopped', async () => {
    const all = await runTool(listFlowRunsTool, prefect, { limit: 200 });
    const first = await runTool(
      listFlowRunsTool,
      prefect,
      { limit: 200 },
      { maxResponseTokens: 700 },
    );
    expect(first.truncated).toBe(true);
    const rest = await runTool(listFlowRunsTool, prefect, { limit: 200, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((r) => r.id)).toEqual(all.items.map((r) => r.id));
  });

  it('accepts a structured Prefect filter with real operators', async () => {
    const result = await runTool(listFlowRunsTool, prefect, {
      filter: { flow_runs: { state: { type: { any_: ['FAILED', 'CRASHED'] } } } },
    });
    expect(ids(result.items)).toEqual([seed.flowRuns.failed, seed.flowRuns.crashed].sort());
  });

  it('rejects a field set both as a simple input and in filter, naming it', async () => {
    const error = await failure(
      runTool(listFlowRunsTool, prefect, {
        stateTypes: ['FAILED'],
        filter: { flow_runs: { state: { type: { any_: ['CRASHED'] } } } },
      }),
    );
    expect(error).toMatchObject({
      kind: 'invalid_input',
      field: 'filter.flow_runs.state.type.any_',
    });
  });

  it('rejects an unknown operator, naming its path', () => {
    const issues = inputIssues(() =>
      listFlowRunsTool.inputSchema.parse({
        filter: { flow_runs: { state: { type: { $in: ['FAILED'] } } } },
      }),
    );
    expect(issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['$in'],
      path: ['filter', 'flow_runs', 'state', 'type'],
    });
  });

  it('rejects a misspelled top-level filter key that Prefect itself silently ignores (match-all)', async () => {
    const bogus = { flow_run: { state: { type: { any_: ['FAILED'] } } } };
    // Prefect ignores unknown top-level body keys: the "FAILED" filter matches every run.
    const everything = (await raw('flow_runs/filter', bogus)) as unknown[];
    const total = (await raw('flow_runs/count', {})) as number;
    expect(everything).toHaveLength(total);
    expect(total).toBeGreaterThan(1);
    const issues = inputIssues(() => listFlowRunsTool.inputSchema.parse({ filter: bogus }));
    expect(issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['flow_run'],
      path: ['filter'],
    });
  });

  it("maps Prefect's own 422 for a bad nested operator to invalid_input naming the field", async () => {
    const error = await failure(
      prefect.http.request({
        method: 'POST',
        path: 'flow_runs/filter',
        body: { flow_runs: { state: { type: { in: ['FAILED'] } } } },
        schema: (await import('zod')).z.unknown(),
        operation: 'list flow runs',
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'flow_runs.state.type.in' });
  });

  it('rejects a limit above the server cap', () => {
    const issues = inputIssues(() => listFlowRunsTool.inputSchema.parse({ limit: 10_000 }));
    expect(issues[0]).toMatchObject({ code: 'too_big', path: ['limit'] });
  });
});

describe('prefect_get_flow_run', () => {
  it('returns a crashed run with its message and ref', async () => {
    const run = await runTool(getFlowRunTool, prefect, { flowRunId: seed.flowRuns.crashed });
    expect(run).toMatchObject({
      status: 'crashed',
      rawStatus: 'CRASHED',
      stateMessage: seed.crashedMessage,
      workPool: 'k8s-no-worker',
      deploymentId: seed.deployments['train-model/gpu'],
    });
    expect(run.ref.uri).toBe(`prefect://flow-runs/${seed.flowRuns.crashed}`);
  });

  it('accepts the ref URI of a run', async () => {
    const run = await runTool(getFlowRunTool, prefect, {
      flowRunId: `prefect://flow-runs/${seed.flowRuns.running}`,
    });
    expect(run).toMatchObject({ status: 'running', workQueue: 'gpu-queue' });
  });

  it('answers an unknown run id with not_found and a hint', async () => {
    const error = await failure(runTool(getFlowRunTool, prefect, { flowRunId: ZERO_ID }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('prefect_list_flow_runs');
  });
});

describe('neutral Orchestration capability', () => {
  it('lists flow runs by neutral status', async () => {
    const page = await prefect.capabilities.orchestration.listFlowRuns({
      statuses: ['failed', 'crashed'],
      limit: 50,
    });
    expect(page.items.map((r) => r.status).sort()).toEqual(['crashed', 'failed']);
  });

  it('maps cancelled runs and finds none for status unknown', async () => {
    const cancelled = await prefect.capabilities.orchestration.listFlowRuns({
      statuses: ['cancelled'],
      limit: 50,
    });
    expect(cancelled.items.map((r) => r.id)).toContain(seed.flowRuns.cancelled);
    const unknown = await prefect.capabilities.orchestration.listFlowRuns({
      statuses: ['unknown'],
      limit: 50,
    });
    expect(unknown.items).toEqual([]);
  });

  it('lists deployments of a flow and gets a run', async () => {
    const deployments = await prefect.capabilities.orchestration.listDeployments({
      flowId: seed.flows['train-model'],
      limit: 10,
    });
    expect(deployments.items.map((d) => d.name)).toEqual(['gpu']);
    const run = await prefect.capabilities.orchestration.getFlowRun(seed.flowRuns.pending);
    expect(run.status).toBe('pending');
  });
});

describe('prefect_list_task_runs', () => {
  it('lists the task runs of the failed flow run', async () => {
    const result = await runTool(listTaskRunsTool, prefect, { flowRunId: seed.flowRuns.failed });
    expect(result.items.map((t) => t.id).sort()).toEqual(
      [seed.taskRuns.completed, seed.taskRuns.failed].sort(),
    );
  });

  it('keeps only the failed task run when filtered by state', async () => {
    const result = await runTool(listTaskRunsTool, prefect, {
      flowRunId: seed.flowRuns.failed,
      stateTypes: ['FAILED'],
    });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      id: seed.taskRuns.failed,
      name: expect.stringContaining('transform'),
    });
    expect(result.items[0]!.stateMessage).toContain('503');
  });

  it('answers an unknown flow run with not_found instead of an empty list', async () => {
    const error = await failure(runTool(listTaskRunsTool, prefect, { flowRunId: ZERO_ID }));
    expect(error.kind).toBe('not_found');
  });
});

describe('prefect_get_flow_run_logs', () => {
  it('returns the newest line first: the traceback, cut and flagged', async () => {
    const result = await runTool(getFlowRunLogsTool, prefect, {
      flowRunId: seed.flowRuns.failed,
      limit: 3,
    });
    expect(result.items[0]).toMatchObject({ level: 'ERROR', truncated: true });
    expect(result.items[0]!.message).toContain('upstream API answered 503');
    expect(result.items[0]!.message.length).toBeLessThan(4_100);
    expect(result.items[1]!.level).toBe('WARNING');
    expect(result.nextCursor).toBeDefined();
  });

  it('keeps only lines at or above the minimum level', async () => {
    const result = await runTool(getFlowRunLogsTool, prefect, {
      flowRunId: seed.flowRuns.failed,
      minLevel: 'WARNING',
    });
    expect(result.items.map((l) => l.level)).toEqual(['ERROR', 'WARNING']);
    expect(result.nextCursor).toBeUndefined();
  });

  it('reads more lines than the server gives per request', async () => {
    const result = await runTool(getFlowRunLogsTool, prefect, {
      flowRunId: seed.flowRuns.failed,
      limit: 1000,
      order: 'oldest_first',
      maxMessageChars: 100,
    });
    expect(result.items).toHaveLength(seed.logCount);
    expect(result.items[0]!.message).toBe('Processed batch 0 of orders');
    expect(result.nextCursor).toBeUndefined();
  });

  it('pages through every line with cursors', async () => {
    const messages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await runTool(getFlowRunLogsTool, prefect, {
        flowRunId: seed.flowRuns.failed,
        limit: 100,
        maxMessageChars: 100,
        cursor,
      });
      messages.push(...page.items.map((l) => l.message));
      cursor = page.nextCursor;
    } while (cursor);
    expect(messages).toHaveLength(seed.logCount);
    expect(new Set(messages).size).toBe(seed.logCount);
  });
});

describe('work pools', () => {
  it('lists pools with workers, queues and slot usage', async () => {
    const result = await runTool(listWorkPoolsTool, prefect, {});
    const byName = Object.fromEntries(result.items.map((p) => [p.name, p]));
    expect(byName['k8s-no-worker']).toMatchObject({
      status: 'NOT_READY',
      onlineWorkers: 0,
      workers: [],
    });
    expect(byName['paused-pool']).toMatchObject({ status: 'PAUSED', paused: true });
    const limited = byName['etl-pool']!;
    expect(limited).toMatchObject({
      status: 'READY',
      concurrencyLimit: 1,
      activeSlots: 1,
      atCapacity: true,
      onlineWorkers: 1,
    });
    expect(limited.workers![0]).toMatchObject({
      name: seed.worker,
      status: 'ONLINE',
      heartbeatIntervalSeconds: 3600,
    });
    expect(limited.workers![0]!.lastHeartbeatAt).toBeDefined();
  });

  it('gets one pool with the run holding its limited queue', async () => {
    const pool = await runTool(getWorkPoolTool, prefect, { name: 'etl-pool' });
    const queue = pool.queues!.find((q) => q.name === seed.queue)!;
    expect(queue).toMatchObject({ concurrencyLimit: 1, activeSlots: 1, priority: 2 });
    expect(queue.slotHolders).toEqual([
      { id: seed.flowRuns.running, name: 'running-run', state: 'Running' },
    ]);
  });

  it('answers an unknown pool with not_found and a hint', async () => {
    const error = await failure(runTool(getWorkPoolTool, prefect, { name: 'no-such-pool' }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('prefect_list_work_pools');
  });
});

describe('prefect_list_concurrency_limits', () => {
  it('separates global, tag and deployment limits and flags the full one', async () => {
    const result = await runTool(listConcurrencyLimitsTool, prefect, {});
    const find = (kind: string, name: string) =>
      result.items.find((l) => l.kind === kind && l.name === name);
    expect(find('global', seed.globalLimits.full)).toMatchObject({
      limit: 2,
      activeSlots: 2,
      atCapacity: true,
    });
    expect(find('global', seed.globalLimits.free)).toMatchObject({
      limit: 10,
      activeSlots: 3,
      atCapacity: false,
    });
    expect(find('tag', seed.tagLimit)).toMatchObject({ limit: 2, activeSlots: 0 });
    expect(find('deployment', seed.deployments['train-model/gpu']!)).toMatchObject({ limit: 2 });
  });

  it('returns only limits at capacity when asked', async () => {
    const result = await runTool(listConcurrencyLimitsTool, prefect, { atCapacityOnly: true });
    expect(result.items.map((l) => l.name)).toEqual([seed.globalLimits.full]);
  });
});

describe('automations', () => {
  it('lists the seeded automation', async () => {
    const result = await runTool(listAutomationsTool, prefect, {});
    expect(result.items.map((a) => a.name)).toEqual([seed.automation.name]);
  });

  it('gets the trigger: expected event, posture, threshold and window', async () => {
    const automation = await runTool(getAutomationTool, prefect, {
      automationId: seed.automation.id,
    });
    expect(automation.enabled).toBe(true);
    expect(automation.trigger).toMatchObject({
      type: 'event',
      posture: 'Reactive',
      expect: ['prefect.flow-run.Failed'],
      match: { 'prefect.resource.id': 'prefect.flow-run.*' },
      threshold: 3,
      withinSeconds: 3600,
    });
    expect(automation.actions).toEqual([{ type: 'do-nothing' }]);
  });

  it('answers an unknown automation with not_found', async () => {
    const error = await failure(runTool(getAutomationTool, prefect, { automationId: ZERO_ID }));
    expect(error.kind).toBe('not_found');
  });
});

describe('prefect_list_events', () => {
  const since = () => new Date(Date.now() - 3 * 3_600_000).toISOString();

  it("follows the server's 50-event pages to fill the limit", async () => {
    const result = await runTool(listEventsTool, prefect, {
      prefixes: ['acme.'],
      since: since(),
      limit: 100,
    });
    expect(result.items).toHaveLength(seed.events.batchProcessed + seed.events.warehouse);
    expect(new Set(result.items.map((e) => e.id)).size).toBe(result.items.length);
    const times = result.items.map((e) => Date.parse(e.occurred));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(result.nextCursor).toBeUndefined();
  });

  it('pages with cursors across server pages without gaps or repeats', async () => {
    const all = await runTool(listEventsTool, prefect, {
      prefixes: ['acme.'],
      since: since(),
      limit: 100,
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await runTool(listEventsTool, prefect, {
        prefixes: ['acme.'],
        since: since(),
        limit: 20,
        cursor,
      });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  it('filters by event name and by related resource', async () => {
    const byName = await runTool(listEventsTool, prefect, {
      names: ['acme.warehouse.unreachable'],
      since: since(),
    });
    expect(byName.items).toHaveLength(1);
    expect(byName.items[0]!.payload).toEqual({ status: 503 });
    const related = await runTool(listEventsTool, prefect, {
      prefixes: ['acme.'],
      relatedTo: [`prefect.flow-run.${seed.flowRuns.failed}`],
      since: since(),
    });
    expect(related.items.map((e) => e.event)).toEqual(['acme.warehouse.unreachable']);
  });

  it('cuts a large payload to maxPayloadChars', async () => {
    // An automation's created event carries its whole definition.
    const query = { names: ['prefect.automation.created'], since: since() };
    const brief = (await runTool(listEventsTool, prefect, query)).items[0]!;
    expect(brief.payloadTruncated).toBe(true);
    expect(brief.payload).toEqual(expect.stringMatching(/… \[\d+ more chars\]$/));
    expect((brief.payload as string).length).toBeLessThan(340);
    const whole = (await runTool(listEventsTool, prefect, { ...query, maxPayloadChars: 2000 }))
      .items[0]!;
    expect(whole.payload).toEqual(expect.objectContaining({ name: seed.automation.name }));
  });

  it('names the resource once and adds related resources (flow, deployment, pool, tags) only when asked', async () => {
    const query = {
      names: ['prefect.flow-run.Failed'],
      resourceIds: [`prefect.flow-run.${seed.flowRuns.failed}`],
      since: since(),
    };
    const brief = (await runTool(listEventsTool, prefect, query)).items[0]!;
    expect(brief.related).toBeUndefined();
    expect(brief.resourceId).toBe(`prefect.flow-run.${seed.flowRuns.failed}`);
    expect(brief.resource).toMatchObject({ 'prefect.state-name': 'Failed' });
    expect(brief.resource).not.toHaveProperty('prefect.resource.id');
    const full = (await runTool(listEventsTool, prefect, { ...query, includeRelated: true }))
      .items[0]!;
    expect(full.related).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          'prefect.resource.id': `prefect.flow.${seed.flows['nightly-etl']}`,
        }),
      ]),
    );
  });

  it('leaves payloads out when maxPayloadChars is 0', async () => {
    const result = await runTool(listEventsTool, prefect, {
      names: ['acme.warehouse.unreachable'],
      since: since(),
      maxPayloadChars: 0,
    });
    expect(result.items[0]).not.toHaveProperty('payload');
  });

  it('finds the flow-run state change events Prefect emits itself', async () => {
    const result = await runTool(listEventsTool, prefect, {
      names: ['prefect.flow-run.Failed'],
      resourceIds: [`prefect.flow-run.${seed.flowRuns.failed}`],
      since: since(),
    });
    expect(result.items).toHaveLength(1);
  });
});

describe('variables and blocks', () => {
  it('lists variables with their values', async () => {
    const result = await runTool(listVariablesTool, prefect, {});
    expect(Object.fromEntries(result.items.map((v) => [v.name, v.value]))).toEqual({
      etl_batch_size: { size: 500, mode: 'fast' },
      region: 'eu-west-1',
    });
  });

  it('lists the Secret block by name and type and never its value', async () => {
    const result = await runTool(listBlocksTool, prefect, {});
    const block = result.items.find((b) => b.name === seed.secretBlock.name);
    expect(block).toMatchObject({ id: seed.secretBlock.id, type: 'Secret', typeSlug: 'secret' });
    expect(JSON.stringify(result)).not.toContain(seed.secretBlock.value);
    expect(Object.keys(block!)).not.toContain('data');
  });

  it('relies on an API call that masks secrets even before our schema drops the data', async () => {
    const body = JSON.stringify(await raw('block_documents/filter', { include_secrets: false }));
    expect(body).toContain(seed.secretBlock.name);
    expect(body).not.toContain(seed.secretBlock.value);
  });
});

describe('prefect_get_overview', () => {
  it('summarises runs, late runs, unhealthy pools and full limits in one call', async () => {
    const overview = await runTool(getOverviewTool, prefect, {
      since: new Date(Date.now() - 6 * 3_600_000).toISOString(),
    });
    expect(overview.flowRunsByState).toMatchObject({
      FAILED: 1,
      CRASHED: 1,
      COMPLETED: 1,
      RUNNING: 1,
    });
    expect(overview.lateRuns.count).toBe(2);
    expect(overview.lateRuns.examples.map((r) => r.workPool).sort()).toEqual([
      'etl-pool',
      'k8s-no-worker',
    ]);
    expect(overview.recentFailures.map((r) => r.id).sort()).toEqual(
      [seed.flowRuns.failed, seed.flowRuns.crashed].sort(),
    );
    expect(overview.workPools).toMatchObject({
      total: 3,
      withoutOnlineWorker: ['k8s-no-worker'],
      paused: ['paused-pool'],
      atCapacity: [{ name: 'etl-pool', activeSlots: 1, limit: 1 }],
    });
    expect(overview.workQueues.paused).toEqual([{ pool: 'k8s-no-worker', name: seed.pausedQueue }]);
    expect(overview.workQueues.atCapacity).toEqual([
      { pool: 'etl-pool', name: seed.queue, activeSlots: 1, limit: 1 },
    ]);
    expect(overview.concurrencyLimitsAtCapacity.map((l) => l.name)).toEqual([
      seed.globalLimits.full,
    ]);
    expect(overview.pausedDeployments).toEqual({ count: 1, names: ['weekly-report/paused'] });
  });
});

// Mutations last: they change what the read tests above assert.
describe('prefect_create_flow_run', () => {
  it('runs a deployment by name with parameters and tags, read back from the server', async () => {
    const created = await runTool(createFlowRunTool, prefect, {
      deployment: 'nightly-etl/prod',
      parameters: { date: '2025-01-31', full_refresh: true },
      tags: ['backfill'],
      name: 'backfill-jan-31',
    });
    const run = await prefect.getFlowRun(created.id);
    expect(run).toMatchObject({
      name: 'backfill-jan-31',
      deploymentId: seed.deployments['nightly-etl/prod'],
      parameters: { date: '2025-01-31', full_refresh: true },
      workPool: 'etl-pool',
    });
    expect(run.tags).toContain('backfill');
  });

  it('schedules a run for later by deployment id', async () => {
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const created = await runTool(createFlowRunTool, prefect, {
      deployment: seed.deployments['train-model/gpu']!,
      scheduledStart: at,
    });
    const run = await prefect.getFlowRun(created.id);
    expect(run.rawStatus).toBe('SCHEDULED');
    expect(Date.parse(run.expectedStartAt!)).toBe(Date.parse(at));
  });

  it('rejects parameters that are not an object', () => {
    const issues = inputIssues(() =>
      createFlowRunTool.inputSchema.parse({
        deployment: 'nightly-etl/prod',
        parameters: ['2025-01-31'],
      }),
    );
    expect(issues[0]!.path).toEqual(['parameters']);
  });

  it('answers an unknown deployment id with not_found', async () => {
    const error = await failure(runTool(createFlowRunTool, prefect, { deployment: ZERO_ID }));
    expect(error.kind).toBe('not_found');
  });
});

describe('prefect_cancel_flow_run', () => {
  it('cancels a pending run and the server shows it cancelled', async () => {
    const result = await runTool(cancelFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.cancellable,
    });
    expect(result.cancelled).toBe(true);
    expect(['cancelling', 'cancelled']).toContain(result.outcome);
    const run = await prefect.getFlowRun(seed.flowRuns.cancellable);
    expect(['CANCELLING', 'CANCELLED']).toContain(run.rawStatus);
    expect(run.rawStatus).toBe(result.run.rawStatus);
  });

  it('reports a run that is already cancelled as success without changing it', async () => {
    const result = await runTool(cancelFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.cancelled,
    });
    expect(result).toMatchObject({ cancelled: true, outcome: 'already_cancelled' });
  });

  it('reports a completed run as not cancellable and leaves it completed', async () => {
    const result = await runTool(cancelFlowRunTool, prefect, {
      flowRunId: seed.flowRuns.completed,
    });
    expect(result).toMatchObject({ cancelled: false, outcome: 'already_final' });
    expect(result.reason).toContain('COMPLETED');
    expect((await prefect.getFlowRun(seed.flowRuns.completed)).rawStatus).toBe('COMPLETED');
  });

  it('reports what Prefect answered when orchestration aborts the request', async () => {
    // Bypass our pre-check: ask Prefect directly to cancel a finished run.
    const raw = (await (
      await fetch(`${prefectUrl}/flow_runs/${seed.flowRuns.failed}/set_state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: { type: 'CANCELLING' } }),
      })
    ).json()) as { status: string; details: { reason: string } };
    expect(raw.status).toBe('ABORT');
    expect(raw.details.reason).toContain('terminal state FAILED');
  });

  it('answers an unknown run with not_found', async () => {
    const error = await failure(runTool(cancelFlowRunTool, prefect, { flowRunId: ZERO_ID }));
    expect(error.kind).toBe('not_found');
  });
});

describe('pausing deployments', () => {
  it('pauses a deployment by name, read back from the server', async () => {
    const result = await runTool(pauseDeploymentTool, prefect, { deployment: 'nightly-etl/prod' });
    expect(result).toMatchObject({ paused: true, changed: true });
    const paused = await runTool(listDeploymentsTool, prefect, { paused: true });
    expect(paused.items.map((d) => d.fullName)).toContain('nightly-etl/prod');
  });

  it('resumes it again', async () => {
    const result = await runTool(resumeDeploymentTool, prefect, { deployment: 'nightly-etl/prod' });
    expect(result).toMatchObject({ paused: false, changed: true });
    expect(
      (await prefect.getDeployment({ id: seed.deployments['nightly-etl/prod']! })).paused,
    ).toBe(false);
  });

  it('reports no change when resuming an active deployment', async () => {
    const result = await runTool(resumeDeploymentTool, prefect, { deployment: 'nightly-etl/prod' });
    expect(result).toMatchObject({ paused: false, changed: false });
  });
});
