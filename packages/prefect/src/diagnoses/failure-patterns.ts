import type { Cause } from './cause.js';
import { oneLine } from './format.js';
import { lastExceptionLine, parseExceptionLine } from './traceback-excerpt.js';

/** Causes a failed, crashed or cancelled run's messages and logs can name. */
export const FAILURE_CAUSE_KINDS = [
  'lost_concurrency_lease',
  'out_of_memory',
  'timeout',
  'upstream_http_5xx',
  'upstream_http_4xx',
  'connection_error',
  'missing_dependency',
  'infrastructure_crash',
  'exception',
  'cancelled_by_automation',
  'cancelled_by_user',
] as const;
export type FailureCauseKind = (typeof FAILURE_CAUSE_KINDS)[number];

/** A text that may explain the failure, with where it came from (for the evidence line). */
export interface Clue {
  /** e.g. "state message", "task run transform-0", "log ERROR at 2025-…". */
  source: string;
  text: string;
}

export interface FailureFinding {
  cause: Cause & { kind: FailureCauseKind };
  nextStep: string;
}

interface Pattern {
  kind: FailureCauseKind;
  test: RegExp;
  summary(match: RegExpExecArray, line: string): string;
  nextStep: string;
}

const HTTP_5XX =
  /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|answered|returned|responded(?: with)?|got|error)\s*:?\s*(5\d\d)\b|\b(5\d\d)\s+(?:Service Unavailable|Bad Gateway|Internal Server Error|Gateway Time-?out)/i;
const HTTP_4XX =
  /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|answered|returned|responded(?: with)?)\s*:?\s*(4\d\d)\b|\b(4\d\d)\s+(?:Unauthorized|Forbidden|Not Found|Too Many Requests|Bad Request)/i;
const URL = /https?:\/\/[^\s'"<>)\]]+/;

/** In priority order: the first that matches leads the diagnosis. */
const PATTERNS: Pattern[] = [
  {
    kind: 'lost_concurrency_lease',
    test: /concurrency lease renewal failed|lease renewal failed|failed to renew (?:the |its )?(?:concurrency )?lease|lost (?:its |the )?concurrency lease/i,
    summary: () =>
      'The run lost its concurrency lease: the runtime could not renew its slot with the Prefect API and stopped the run, which points at worker-to-API connectivity or an overloaded API.',
    nextStep:
      "Check the network between the run's host and the Prefect API and the API's health at that time, then rerun.",
  },
  {
    kind: 'out_of_memory',
    test: /OOMKilled|out of memory|MemoryError|exit(?:ed with)? code:? 137\b|\bsignal 9\b|SIGKILL/i,
    summary: () => 'The run ran out of memory and was killed.',
    nextStep:
      "Give the run's infrastructure more memory (job variables) or process the data in smaller pieces.",
  },
  {
    kind: 'timeout',
    test: /timed out|TimeoutError|exceeded (?:its |the )?timeout|deadline exceeded/i,
    summary: () => 'The run, or a call it made, hit a timeout.',
    nextStep:
      'Find what was slow in the logs; raise timeout_seconds on the flow or task if the work legitimately takes longer.',
  },
  {
    kind: 'upstream_http_5xx',
    test: HTTP_5XX,
    summary: (match, line) => {
      const url = URL.exec(line)?.[0];
      return `An upstream HTTP service answered ${match[1] ?? match[2]}${url ? ` (${url})` : ''}: a server-side failure outside the flow.`;
    },
    nextStep:
      'Check the upstream service for an outage at that time; give the calling task retries with backoff (retries=, retry_delay_seconds=) if the failure is transient.',
  },
  {
    kind: 'upstream_http_4xx',
    test: HTTP_4XX,
    summary: (match, line) => {
      const code = match[1] ?? match[2];
      const url = URL.exec(line)?.[0];
      const why =
        code === '429'
          ? 'rate limited'
          : code === '401' || code === '403'
            ? 'refused for credentials'
            : 'rejected';
      return `An HTTP call was ${why} (${code}${url ? `, ${url}` : ''}).`;
    },
    nextStep:
      'Check the credentials, permissions or request the flow sends; for 429 slow down or add a concurrency limit.',
  },
  {
    kind: 'connection_error',
    test: /ConnectError|ConnectionError|Connection refused|Connection reset|Name or service not known|getaddrinfo|Temporary failure in name resolution|No route to host/i,
    summary: () => 'A network connection failed (refused, reset or the host name did not resolve).',
    nextStep:
      "Check that the target host is up and reachable from the run's infrastructure (DNS, firewall, VPN).",
  },
  {
    kind: 'missing_dependency',
    test: /ModuleNotFoundError|No module named|ImportError/,
    summary: () => "A Python package the flow imports is missing from the run's environment.",
    nextStep:
      "Add the package to the run's image or requirements (pip_packages job variable) and redeploy.",
  },
];

/**
 * Names the causes these clues show, most decisive first. A CRASHED run with no recognised
 * cause is an infrastructure crash; a FAILED one falls back to the exception it raised.
 */
export function recogniseFailure(stateType: string, clues: readonly Clue[]): FailureFinding[] {
  const findings: FailureFinding[] = [];
  for (const pattern of PATTERNS) {
    const hits: { match: RegExpExecArray; line: string; evidence: string }[] = [];
    for (const clue of clues) {
      for (const line of clue.text.split('\n')) {
        const match = pattern.test.exec(line);
        if (!match) continue;
        hits.push({ match, line, evidence: `${clue.source}: ${oneLine(line)}` });
        break;
      }
      if (hits.length >= 4) break;
    }
    // The most telling line names the URL too; messages often shorten it away.
    const best = hits.find((h) => URL.test(h.line)) ?? hits[0];
    if (best) {
      findings.push({
        cause: {
          kind: pattern.kind,
          summary: pattern.summary(best.match, best.line),
          evidence: hits.map((h) => h.evidence),
        },
        nextStep: pattern.nextStep,
      });
    }
  }
  if (findings.length > 0) return findings;
  const first = clues[0];
  if (stateType === 'CRASHED') {
    findings.push({
      cause: {
        kind: 'infrastructure_crash',
        summary:
          'The run CRASHED: its process or infrastructure ended without reporting a final state (killed, evicted, node or worker lost).',
        evidence: first
          ? [`${first.source}: ${oneLine(first.text)}`]
          : ['no state message, task error or error log'],
      },
      nextStep:
        "Look at the infrastructure's own logs (pod events, container exit code, host) for why the process ended.",
    });
    return findings;
  }
  for (const clue of clues) {
    const line = lastExceptionLine(clue.text);
    if (!line) continue;
    const { type, message } = parseExceptionLine(line);
    findings.push({
      cause: {
        kind: 'exception',
        summary: `The flow raised ${type}${message ? `: ${oneLine(message, 200)}` : ''}.`,
        evidence: [`${clue.source}: ${oneLine(line)}`],
      },
      nextStep: 'Read the traceback in the error log tail and fix the code or data it points at.',
    });
    return findings;
  }
  if (first) {
    findings.push({
      cause: {
        kind: 'exception',
        summary: `The run failed: ${oneLine(first.text, 200)}`,
        evidence: [`${first.source}: ${oneLine(first.text)}`],
      },
      nextStep: 'Read the full logs (prefect_get_flow_run_logs) for what led to the failure.',
    });
  }
  return findings;
}
