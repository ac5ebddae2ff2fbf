import { type CallOptions, NotFoundError } from '@mlops-mcp/core';
import { formatDuration, oneLine, plural } from '../diagnoses/format.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { isUuid } from '../shared/ids.js';
import type { PrefectAutomationView } from './automation.js';
import type { AutomationDiagnosis, Finding, TriggerCheck } from './automation-diagnosis-schema.js';
import { eventTriggers, readTriggerEvents } from './automation-events.js';
import { checkTrigger } from './automation-trigger-check.js';
import type { PrefectEventView } from './event.js';

export {
  AUTOMATION_CAUSE_KINDS,
  type AutomationDiagnosis,
  AutomationDiagnosisSchema,
} from './automation-diagnosis-schema.js';

/** Finds an automation by id, or by exact (then case-insensitive) name. */
export async function findAutomation(
  client: PrefectAdapter,
  idOrName: string,
  options?: CallOptions,
): Promise<PrefectAutomationView> {
  const wanted = idOrName.trim();
  if (isUuid(wanted)) return client.getAutomation(wanted.toLowerCase(), options);
  const all = await client.listAutomations(options);
  const found =
    all.find((a) => a.name === wanted) ??
    all.find((a) => a.name.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  throw new NotFoundError(`Prefect: no automation is named "${wanted.slice(0, 100)}".`, {
    backend: 'prefect',
    hint: all.length
      ? `Automations: ${all
          .slice(0, 10)
          .map((a) => a.name)
          .join(
            ', ',
          )}${all.length > 10 ? ', …' : ''}. Pass an id or exact name (prefect_list_automations).`
      : 'This workspace has no automations (prefect_list_automations).',
  });
}

/** Compares an automation's trigger with the events that actually happened, and its firings. */
export async function diagnoseAutomation(
  client: PrefectAdapter,
  query: { automation: string; lookbackHours: number; maxEvents: number; now: number },
  options?: CallOptions,
): Promise<AutomationDiagnosis> {
  const { now } = query;
  const automation = await findAutomation(client, query.automation, options);
  const triggers = eventTriggers(automation.trigger, 'trigger');
  const longest = Math.max(0, ...triggers.map((t) => t.trigger.withinSeconds ?? 0));
  const lookbackSeconds = Math.max(query.lookbackHours * 3600, 2 * longest);
  const window = {
    since: new Date(now - lookbackSeconds * 1000).toISOString(),
    until: new Date(now).toISOString(),
  };
  const [firingEvents, ...perTrigger] = await Promise.all([
    client.listEvents(
      {
        since: window.since,
        until: window.until,
        prefixes: ['prefect.automation.'],
        resourceIds: [`prefect.automation.${automation.id}`],
        limit: 200,
      },
      options,
    ),
    ...triggers.map((t) =>
      t.trigger.type === 'event'
        ? readTriggerEvents(client, t.trigger, window, query.maxEvents, options)
        : Promise.resolve(undefined),
    ),
  ]);

  const firings = summariseFirings(firingEvents.items);
  const findings: Finding[] = [];
  if (automation.enabled === false) {
    findings.push({
      cause: {
        kind: 'disabled',
        summary: `The automation is disabled, so it never fires.`,
        evidence: [`automation ${automation.name}: enabled false`],
      },
      nextStep: `Enable it: prefect automation resume "${automation.name}".`,
    });
  }
  if (firings.triggered > 0) {
    findings.push({
      cause: {
        kind: 'fired',
        summary: `It did fire: ${plural(firings.triggered, 'time')} in the last ${formatDuration(lookbackSeconds)}, last at ${firings.lastTriggeredAt}.`,
        evidence: firingEvents.items
          .filter((e) => e.event === 'prefect.automation.triggered')
          .slice(0, 5)
          .map((e) => `prefect.automation.triggered at ${e.occurred}`),
      },
      nextStep: 'If its effect is missing, check what its actions did (the action events below).',
    });
  }
  if (firings.actionFailures.length) {
    findings.push({
      cause: {
        kind: 'action_failed',
        summary: `${plural(firings.actionFailures.length, 'action')} failed when it fired: ${firings.actionFailures[0]?.reason ?? 'no reason given'}.`,
        evidence: firings.actionFailures
          .slice(0, 5)
          .map(
            (f) =>
              `prefect.automation.action.failed at ${f.occurred}${f.reason ? `: ${f.reason}` : ''}`,
          ),
      },
      nextStep:
        'Fix what the failure reason names (a deleted deployment, a missing block, bad credentials).',
    });
  }

  const createdAt = automation.createdAt ? Date.parse(automation.createdAt) : undefined;
  const checks: TriggerCheck[] = [];
  triggers.forEach(({ path, trigger }, i) => {
    const read = perTrigger[i];
    const { check, findings: own } = checkTrigger(path, trigger, read, {
      now,
      lookbackSeconds,
      createdAt,
      fired: firings.triggered > 0,
    });
    checks.push(check);
    findings.push(...own);
  });

  const label = `Automation ${automation.name}`;
  const why = findings.find((f) => f.cause.kind !== 'disabled' && f.cause.kind !== 'fired');
  let verdict: string;
  if (automation.enabled === false) {
    verdict = `${label} is disabled, so it never fires${why ? `; besides, ${lowerFirst(why.cause.summary)}` : '.'}`;
  } else if (firings.triggered > 0) {
    verdict = `${label} did fire ${plural(firings.triggered, 'time')} in the last ${formatDuration(lookbackSeconds)}, last at ${firings.lastTriggeredAt}${firings.actionFailures.length ? `, but ${plural(firings.actionFailures.length, 'action')} failed` : ''}.`;
  } else {
    verdict = `${label} did not fire: ${why ? lowerFirst(why.cause.summary) : 'no reason found in its trigger or events.'}`;
  }
  return {
    automation: {
      id: automation.id,
      name: automation.name,
      ...(automation.enabled !== undefined ? { enabled: automation.enabled } : {}),
      ...(automation.createdAt ? { createdAt: automation.createdAt } : {}),
    },
    window,
    verdict,
    causes: findings.map((f) => f.cause),
    checks,
    firings,
    nextSteps: [...new Set(findings.map((f) => f.nextStep))],
  };
}

function summariseFirings(events: readonly PrefectEventView[]): AutomationDiagnosis['firings'] {
  const named = (name: string) => events.filter((e) => e.event === name);
  const triggered = named('prefect.automation.triggered');
  return {
    triggered: triggered.length,
    ...(triggered[0] ? { lastTriggeredAt: triggered[0].occurred } : {}),
    resolved: named('prefect.automation.resolved').length,
    actionsExecuted: named('prefect.automation.action.executed').length,
    actionFailures: named('prefect.automation.action.failed').map((e) => {
      const reason =
        typeof e.payload === 'object' && e.payload !== null && 'reason' in e.payload
          ? String((e.payload as { reason: unknown }).reason)
          : undefined;
      return { occurred: e.occurred, ...(reason ? { reason: oneLine(reason, 300) } : {}) };
    }),
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
