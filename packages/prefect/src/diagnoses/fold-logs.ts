import type { PrefectLogLine } from '../flow-runs/log-line.js';
import { lastExceptionLine } from './traceback-excerpt.js';

/** Repeated log lines (a traceback printed per retry) folded into one with a count. */

/** Log lines kept in logTail: every distinct error first, then warnings. */
export const MAX_LOG_TAIL = 6;

/**
 * Warning-and-above lines (newest first) with near-identical ones folded: Prefect's engine logs
 * the same exception's traceback for the task run and again for the flow run, and a retried
 * call logs the same warning each time. Distinct errors are kept before warnings; the result is
 * newest first.
 */
export function foldLogs(
  lines: readonly PrefectLogLine[],
): { line: PrefectLogLine; folded: number }[] {
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
