import { randomUUID } from 'node:crypto';
import { type RunningServer, runTool, startPrefect } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrefectRest } from '../../test/prefect-rest.js';
import { diagnoseAutomationTool } from '../automations/diagnose-automation.js';
import { createPrefectAdapter, type PrefectAdapter } from '../index.js';
import { getOverviewTool } from '../server/get-overview.js';
import { diagnoseFlowRunTool } from './diagnose-flow-run.js';
import { diagnoseLateRunsTool } from './diagnose-late-runs.js';

/**
 * Diagnoses on a server of their own, which must hold nothing late (the shared seed has late
 * runs, and its counts are asserted elsewhere): a run of
 * billing-etl went to Failed (crimson-owl) while a run of another flow crashed (quiet-fox); two
 * scheduled deployments create no runs (one's only schedule is inactive, the other is paused).
 */
let server: RunningServer;
let prefect: PrefectAdapter;
let rest: PrefectRest;
const runs: Record<string, string> = {};

beforeAll(async () => {
  server = await startPrefect();
  rest = new PrefectRest(server.url);
  prefect = createPrefectAdapter({ apiUrl: server.url, source: 'env' });
  const billing = await rest.flow('billing-etl');
  const other = await rest.flow('ingest-logs');
  runs.failed = await rest.flowRun(billing, 'crimson-owl', 'FAILED', { message: 'boom' });
  runs.crashed = await rest.flowRun(other, 'quiet-fox', 'CRASHED');
  runs.warned = await rest.flowRun(await rest.flow('invoices-join'), 'amber-heron', 'FAILED', {
    message: "Flow run encountered an exception: KeyError: 'customer_id'",
  });
  const trace = (who: string) =>
    `${who} - Encountered exception during execution:\nTraceback (most recent call last):\n${'  File "/opt/flows/billing.py", line 88, in join_customers\n    row["customer_id"]\n'.repeat(20)}KeyError: 'customer_id'`;
  await rest.logs(runs.warned, [
    { level: 20, message: 'Reading invoices.parquet', secondsAgo: 60 },
    {
      level: 30,
      message:
        'Schema drift: column customer_id is missing from invoices.parquet (renamed to client_id?)',
      secondsAgo: 50,
    },
    { level: 40, message: trace("Task run 'join-0'"), secondsAgo: 40 },
    { level: 40, message: trace("Flow run 'amber-heron'"), secondsAgo: 39 },
  ]);
  await rest.deployment(billing, 'nightly', {
    schedules: [{ schedule: { interval: 3600 }, active: false }],
  });
  await rest.deployment(billing, 'hourly', {
    paused: true,
    schedules: [{ schedule: { interval: 3600 }, active: true }],
  });
  await rest.waitForEvent(`prefect.flow-run.${runs.failed}`, 'prefect.flow-run.Failed');
  await rest.waitForEvent(`prefect.flow-run.${runs.crashed}`, 'prefect.flow-run.Crashed');
});

afterAll(async () => {
  await prefect?.close();
  await server?.stop();
});

const ofFlow = (flow: string) => ({
  match: { 'prefect.resource.id': 'prefect.flow-run.*' },
  match_related: { 'prefect.resource.role': 'flow', 'prefect.resource.name': flow },
});

describe('prefect_diagnose_automation compares the trigger with what happened', () => {
  it('names the event the watched run did emit when expect names another one', async () => {
    await rest.automation('billing-crashed', {
      expect: ['prefect.flow-run.Crashed'],
      ...ofFlow('billing-etl'),
    });
    const result = await runTool(diagnoseAutomationTool, prefect, {
      automation: 'billing-crashed',
    });
    expect(result.causes.map((c) => c.kind)).toEqual(['expect_mismatch']);
    expect(result.verdict).toContain('prefect.flow-run.Crashed');
    expect(result.verdict).toContain('1 × prefect.flow-run.Failed, 1 × prefect.flow-run.Pending');
    expect(result.verdict).toContain('crimson-owl');
    expect(result.verdict).toContain('latest prefect.flow-run.Failed, which is not in expect');
    expect(result.checks[0]!.otherEvents!.latest[0]).toMatchObject({
      event: 'prefect.flow-run.Failed',
      resourceId: `prefect.flow-run.${runs.failed}`,
      resourceName: 'crimson-owl',
    });
    expect(result.causes[0]!.evidence).toContainEqual(
      expect.stringContaining('occurred only on resources its match excludes'),
    );
    expect(result.nextSteps[0]).toBe(
      'If prefect.flow-run.Failed should fire it, add it to expect (expect: ["prefect.flow-run.Crashed","prefect.flow-run.Failed"]).',
    );
  });

  it('names the label that excluded the expected events when none of its resources had any', async () => {
    await rest.automation('billing-v2-failed', {
      expect: ['prefect.flow-run.Failed'],
      ...ofFlow('billing-etl-v2'),
    });
    const result = await runTool(diagnoseAutomationTool, prefect, {
      automation: 'billing-v2-failed',
    });
    expect(result.causes.map((c) => c.kind)).toEqual(['match_filters_out_events']);
    expect(result.verdict).toMatch(
      /match_related wants a related flow with prefect\.resource\.name=billing-etl-v2; the event's related flow: (billing-etl|invoices-join)\)\.$/,
    );
    expect(result.nextSteps[0]).toMatch(/^Fix match\/match_related to select the resources/);
    expect(result.checks[0]!.otherEvents).toBeUndefined();
    expect(result.causes[0]!.evidence).toContainEqual(
      expect.stringMatching(
        /^excluded: prefect\.flow-run\.Failed at .* on crimson-owl \(prefect\.flow-run\./,
      ),
    );
  });

  it('says a disabled automation never fires, before anything else', async () => {
    await rest.automation(
      'billing-failed-off',
      { expect: ['prefect.flow-run.Failed'], ...ofFlow('billing-etl') },
      false,
    );
    const result = await runTool(diagnoseAutomationTool, prefect, {
      automation: 'billing-failed-off',
    });
    expect(result.causes[0]!.kind).toBe('disabled');
    expect(result.verdict).toMatch(/^Automation billing-failed-off is disabled, so it never fires/);
  });

  it('says the trigger waits for its after event when none happened', async () => {
    await rest.automation('billing-after', {
      expect: ['prefect.flow-run.Failed'],
      after: ['prefect.flow-run.Running'],
      ...ofFlow('billing-etl'),
    });
    const result = await runTool(diagnoseAutomationTool, prefect, { automation: 'billing-after' });
    expect(result.causes.map((c) => c.kind)).toEqual(['after_not_seen']);
    expect(result.verdict).toContain('counted only after a prefect.flow-run.Running event');
  });

  it("finds the watched flow's event behind hundreds of newer events of other flows", async () => {
    // 220 flow-run events of another flow, newer than crimson-owl's, sent as Prefect's workers
    // send them (POST /events); last in this file, as they crowd every later event read.
    const busyFlow = await rest.flow('busy-flow');
    const now = Date.now();
    const events = Array.from({ length: 220 }, (_, i) => ({
      id: randomUUID(),
      occurred: new Date(now - 220 + i).toISOString(),
      event: 'prefect.flow-run.Failed',
      resource: {
        'prefect.resource.id': `prefect.flow-run.${randomUUID()}`,
        'prefect.resource.name': `busy-${i}`,
      },
      related: [
        {
          'prefect.resource.id': `prefect.flow.${busyFlow}`,
          'prefect.resource.role': 'flow',
          'prefect.resource.name': 'busy-flow',
        },
      ],
    }));
    await rest.call('events', events);
    await rest.waitForEvent(
      events.at(-1)!.resource['prefect.resource.id'],
      'prefect.flow-run.Failed',
    );
    await rest.automation('billing-crashed-busy', {
      expect: ['prefect.flow-run.Crashed'],
      ...ofFlow('billing-etl'),
    });
    const result = await runTool(diagnoseAutomationTool, prefect, {
      automation: 'billing-crashed-busy',
    });
    expect(result.causes.map((c) => c.kind)).toEqual(['expect_mismatch']);
    expect(result.checks[0]!.otherEvents!.latest[0]).toMatchObject({
      event: 'prefect.flow-run.Failed',
      resourceName: 'crimson-owl',
    });
  });
});

describe('prefect_diagnose_flow_run', () => {
  it('keeps the warning that explains a failure and folds the repeated traceback', async () => {
    const result = await runTool(diagnoseFlowRunTool, prefect, { flowRunId: runs.warned! });
    const tail = result.logTail!;
    expect(tail.map((l) => l.level)).toEqual(['ERROR', 'WARNING']);
    expect(tail[0]).toMatchObject({ folded: 1 });
    expect(tail[0]!.message).toMatch(/KeyError: 'customer_id'$/);
    expect(tail[1]!.message).toContain('Schema drift: column customer_id is missing');
  });
});

describe('prefect_diagnose_late_runs and prefect_get_overview', () => {
  it('name the deployments whose schedules create no runs when nothing is late', async () => {
    const result = await runTool(diagnoseLateRunsTool, prefect, {});
    expect(result.lateRunCount).toBe(0);
    expect(result.verdict).toMatch(
      /^No late runs in the workspace: .* is overdue\. But 2 deployments with schedules create no runs: /,
    );
    expect(result.verdict).toContain('billing-etl/nightly (its only schedule is inactive)');
    expect(result.notScheduling).toEqual([
      expect.objectContaining({ deployment: 'billing-etl/hourly', reason: 'paused' }),
      expect.objectContaining({ deployment: 'billing-etl/nightly', reason: 'schedules_inactive' }),
    ]);
    expect(result.nextSteps).toContainEqual(
      expect.stringContaining('prefect deployment schedule resume "billing-etl/nightly"'),
    );
    const one = await runTool(diagnoseLateRunsTool, prefect, { deployment: 'billing-etl/nightly' });
    expect(one.notScheduling).toEqual([expect.objectContaining({ reason: 'schedules_inactive' })]);
  });

  it('overview counts the deployments whose schedules are all inactive', async () => {
    const result = await runTool(getOverviewTool, prefect, {});
    expect(result.pausedDeployments).toEqual({ count: 1, names: ['billing-etl/hourly'] });
    expect(result.inactiveSchedules).toEqual({ count: 1, names: ['billing-etl/nightly'] });
  });
});
