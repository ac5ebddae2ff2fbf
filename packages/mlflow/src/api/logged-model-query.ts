import { InvalidInputError } from '@mlops-mcp/core';

/**
 * MLflow stores a logged model's status as an int (LoggedModelStatus.to_int: PENDING=1,
 * READY=2, UPLOAD_FAILED=3) and compares filter values against that column as is, so
 * "status = 'READY'" silently matches nothing. These are the names a caller will write.
 */
const STATUS_NUMBER: Record<string, number> = {
  PENDING: 1,
  LOGGED_MODEL_PENDING: 1,
  READY: 2,
  LOGGED_MODEL_READY: 2,
  FAILED: 3,
  UPLOAD_FAILED: 3,
  LOGGED_MODEL_UPLOAD_FAILED: 3,
};

/** `status` / `attributes.status` compared to a quoted name; not tags.status or params.status. */
const STATUS_CLAUSE = /(?<![\w.`])((?:attributes?\.)?status\s*(?:=|!=)\s*)'([A-Za-z_]+)'/gi;

/** Rewrites status names in a logged-model filter to the numbers MLflow compares against. */
export function translateLoggedModelFilter(filter: string | undefined): string | undefined {
  const trimmed = filter?.trim();
  if (!trimmed) return undefined;
  return trimmed.replace(STATUS_CLAUSE, (clause, lhs: string, name: string) => {
    const number = STATUS_NUMBER[name.toUpperCase()];
    return number === undefined ? clause : `${lhs}'${number}'`;
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
