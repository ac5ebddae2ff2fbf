import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createAutomation,
  createFlow,
  createFlowRun,
  eventsOf,
  readAutomation,
  waitForRunEvent,
} from './prefect-rest.js';

interface AutomationDiagnosis {
  causes: { kind: string }[];
  checks: {
    events?: { inLastWindow: number };
    otherEvents?: { latest: { event: string; resourceName?: string }[] };
  }[];
}

const ofFlow = (flow: string) => ({
  match: { 'prefect.resource.id': 'prefect.flow-run.*' },
  match_related: { 'prefect.resource.role': 'flow', 'prefect.resource.name': flow },
});

const diagnose = async (
  agent: Parameters<Parameters<typeof defineTask>[0]['plan']>[0],
  automation: string,
) =>
  (await agent.call('prefect_diagnose_automation', { automation }))
    .structured as unknown as AutomationDiagnosis;

/** "My alert did not fire when the run failed": it expects Crashed, the run went to Failed. */
export const automationExpectMismatch = defineTask({
  id: 'prefect-automation-expect-mismatch',
  question: (v: { automation: string; run: string }) =>
    `My Prefect automation "${v.automation}" should have alerted when the flow run "${v.run}" failed, but it never fired. Why, and what event did the run emit?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-payments`;
    const flowId = await createFlow(ctx, flow);
    const automation = `${ctx.prefix}-payments-crash-alert`;
    const automationId = await createAutomation(ctx, automation, {
      expect: ['prefect.flow-run.Crashed'],
      ...ofFlow(flow),
    });
    const run = `${ctx.prefix}-gentle-yak`;
    const runId = await createFlowRun(ctx, { flowId, name: run, state: 'FAILED' });
    await waitForRunEvent(ctx, runId, 'prefect.flow-run.Failed');
    return { visible: { automation, run }, hidden: { automationId, runId } };
  },
  async truth(ctx, { hidden }) {
    const [automation, events] = await Promise.all([
      readAutomation(ctx, hidden.automationId),
      eventsOf(ctx, `prefect.flow-run.${hidden.runId}`),
    ]);
    const emitted = events.at(-1)!.event;
    return {
      mismatch: !(automation.trigger.expect ?? []).includes(emitted),
      emitted,
    };
  },
  async plan(agent, { automation }) {
    const d = await diagnose(agent, automation);
    return {
      mismatch: d.causes[0]?.kind === 'expect_mismatch',
      emitted: d.checks[0]?.otherEvents?.latest[0]?.event,
    };
  },
  codePlan: (agent, { automation }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseAutomation({ automation: ${JSON.stringify(automation)} });
return { mismatch: d.causes[0]?.kind === 'expect_mismatch', emitted: d.checks[0]?.otherEvents?.latest[0]?.event };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.mismatch !== truth.mismatch)
      problems.push(`expect mismatch ${answer.mismatch}, expected ${truth.mismatch}`);
    if (answer.emitted !== truth.emitted)
      problems.push(`emitted ${answer.emitted}, expected ${truth.emitted}`);
    return problems;
  },
});

/** The alert's match_related names a flow that does not exist (a typo): the label excludes the event. */
export const automationLabelMismatch = defineTask({
  id: 'prefect-automation-label-mismatch',
  question: (v: { automation: string; run: string }) =>
    `The Prefect automation "${v.automation}" did not fire when flow run "${v.run}" failed. Why?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-ledger`;
    const flowId = await createFlow(ctx, flow);
    const automation = `${ctx.prefix}-ledger-failure-alert`;
    const automationId = await createAutomation(ctx, automation, {
      expect: ['prefect.flow-run.Failed'],
      ...ofFlow(`${ctx.prefix}-ledgers`),
    });
    const run = `${ctx.prefix}-quick-heron`;
    const runId = await createFlowRun(ctx, { flowId, name: run, state: 'FAILED' });
    await waitForRunEvent(ctx, runId, 'prefect.flow-run.Failed');
    return { visible: { automation, run }, hidden: { automationId, runId, flow } };
  },
  async truth(ctx, { hidden }) {
    const automation = await readAutomation(ctx, hidden.automationId);
    const related = automation.trigger.match_related as Record<string, string>;
    const events = await eventsOf(ctx, `prefect.flow-run.${hidden.runId}`);
    const expected = events.some((e) => (automation.trigger.expect ?? []).includes(e.event));
    // The run's event is expected, but its flow is not the one match_related names.
    return {
      kind:
        expected && related['prefect.resource.name'] !== hidden.flow
          ? 'match_filters_out_events'
          : 'other',
    };
  },
  async plan(agent, { automation }) {
    const d = await diagnose(agent, automation);
    return { kind: d.causes[0]?.kind };
  },
  codePlan: (agent, { automation }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseAutomation({ automation: ${JSON.stringify(automation)} });
return { kind: d.causes[0]?.kind };`,
    ),
  check(answer, truth) {
    return answer.kind === truth.kind ? [] : [`cause ${answer.kind}, expected ${truth.kind}`];
  },
});

/** Threshold 3 within an hour, and only two failures happened: nothing is broken. */
export const automationThreshold = defineTask({
  id: 'prefect-automation-threshold-not-reached',
  question: (v: { automation: string }) =>
    `Two runs failed in the last hour but my Prefect automation "${v.automation}" did not fire. Is it broken?`,
  tags: ['nothing-wrong'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-sync`;
    const flowId = await createFlow(ctx, flow);
    const automation = `${ctx.prefix}-three-failures`;
    const automationId = await createAutomation(ctx, automation, {
      expect: ['prefect.flow-run.Failed'],
      ...ofFlow(flow),
      threshold: 3,
      within: 3600,
    });
    const runIds: string[] = [];
    for (const name of ['a', 'b']) {
      runIds.push(
        await createFlowRun(ctx, { flowId, name: `${ctx.prefix}-${name}`, state: 'FAILED' }),
      );
    }
    for (const id of runIds) await waitForRunEvent(ctx, id, 'prefect.flow-run.Failed');
    return { visible: { automation }, hidden: { automationId, runIds } };
  },
  async truth(ctx, { hidden }) {
    const automation = await readAutomation(ctx, hidden.automationId);
    let failures = 0;
    for (const id of hidden.runIds) {
      const events = await eventsOf(ctx, `prefect.flow-run.${id}`);
      failures += events.filter((e) => e.event === 'prefect.flow-run.Failed').length;
    }
    return {
      kind: failures < (automation.trigger.threshold ?? 1) ? 'threshold_not_reached' : 'other',
      failures,
    };
  },
  async plan(agent, { automation }) {
    const d = await diagnose(agent, automation);
    return { kind: d.causes[0]?.kind, failures: d.checks[0]?.events?.inLastWindow };
  },
  codePlan: (agent, { automation }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseAutomation({ automation: ${JSON.stringify(automation)} });
return { kind: d.causes[0]?.kind, failures: d.checks[0]?.events?.inLastWindow };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.kind !== truth.kind) problems.push(`cause ${answer.kind}, expected ${truth.kind}`);
    if (answer.failures !== truth.failures)
      problems.push(`${answer.failures} failures counted, expected ${truth.failures}`);
    return problems;
  },
});
