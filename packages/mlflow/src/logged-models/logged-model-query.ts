import { InvalidInputError } from '@mlops-mcp/core';

/**
 * A logged model's status, by the names a caller will write. MLflow stores it as an int
 * (LoggedModelStatus.to_int: PENDING=1, READY=2, FAILED=3). Up to 3.17 the server compared filter
 * values against that column as is, so "status = 'READY'" silently matched nothing and only
 * "status = '2'" worked; from 3.18 it converts the name itself (LoggedModelStatus('READY'),
 * exact upper-case PENDING / READY / FAILED) and rejects a number as an unknown status.
 */
const STATUS: Record<string, { name: string; number: number }> = {
  PENDING: { name: 'PENDING', number: 1 },
  LOGGED_MODEL_PENDING: { name: 'PENDING', number: 1 },
  READY: { name: 'READY', number: 2 },
  LOGGED_MODEL_READY: { name: 'READY', number: 2 },
  FAILED: { name: 'FAILED', number: 3 },
  UPLOAD_FAILED: { name: 'FAILED', number: 3 },
  LOGGED_MODEL_UPLOAD_FAILED: { name: 'FAILED', number: 3 },
};

/** `status` / `attributes.status` compared to a quoted name; not tags.status or params.status. */
const STATUS_CLAUSE = /(?<![\w.`])((?:attributes?\.)?status\s*(?:=|!=)\s*)'([A-Za-z_]+)'/gi;

/** How the server wants a logged-model status in a filter: its number (≤ 3.17) or name (3.18+). */
export type LoggedModelStatusForm = 'number' | 'name';

/**
 * The status form a server of this version takes. An unknown or unparsable version gets the
 * current servers' form (names).
 */
export function loggedModelStatusForm(version: string | undefined): LoggedModelStatusForm {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return 'name';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major < 3 || (major === 3 && minor < 18) ? 'number' : 'name';
}

/**
 * Rewrites status names in a logged-model filter to what the server compares against: the
 * number for MLflow ≤ 3.17, the canonical upper-case name for 3.18+ (so 'ready' or
 * 'LOGGED_MODEL_READY' work on both).
 */
export function translateLoggedModelFilter(
  filter: string | undefined,
  form: LoggedModelStatusForm,
): string | undefined {
  const trimmed = filter?.trim();
  if (!trimmed) return undefined;
  return trimmed.replace(STATUS_CLAUSE, (clause, lhs: string, name: string) => {
    const status = STATUS[name.toUpperCase()];
    if (!status) return clause;
    return `${lhs}'${form === 'number' ? status.number : status.name}'`;
  });
}

/** One sort key of logged-models/search (SearchLoggedModels.OrderBy). */
export interface LoggedModelOrderBy {
  field_name: string;
  ascending: boolean;
}

/**
 * Parses "<field> [ASC|DESC]" clauses (as the other search tools take them) into MLflow's
 * order_by objects. Backticks around metric names are dropped: the server splits
 * "metrics.<name>" at the first dot and uses the rest verbatim.
 */
export function parseLoggedModelOrderBy(
  clauses: readonly string[] | undefined,
): LoggedModelOrderBy[] | undefined {
  if (!clauses?.length) return undefined;
  return clauses.map((clause) => {
    const match = /^\s*(.+?)(?:\s+(ASC|DESC))?\s*$/i.exec(clause);
    const field = match?.[1]?.replace(/`/g, '').trim();
    if (!field) {
      throw new InvalidInputError(`"${clause.slice(0, 100)}" is not a sort clause.`, {
        field: 'orderBy',
        hint: 'Use "<field> [ASC|DESC]", e.g. "creation_time DESC" or "metrics.accuracy DESC".',
      });
    }
    return { field_name: field, ascending: match?.[2]?.toUpperCase() !== 'DESC' };
  });
}
