import { InvalidInputError } from '@mlops-mcp/core';
import type { WeaveSortBy } from './weave-api-types.js';

/**
 * Fields calls can be sorted by: CallSchema columns, the server-derived `summary.weave.*`
 * fields, and dotted paths into the JSON columns (as SortBy allows, trace_server_interface.py).
 */
export const SORT_FIELD =
  /^(id|trace_id|parent_id|op_name|display_name|started_at|ended_at|exception|summary\.weave\.(latency_ms|status|trace_name)|(inputs|output|attributes|summary)\.[A-Za-z0-9_][A-Za-z0-9_.-]{0,200})$/;

/** Parses "<field> [asc|desc]" clauses (default direction: desc) into Weave sort specs. */
export function parseOrderBy(
  clauses: readonly string[] | undefined,
  field = 'orderBy',
): WeaveSortBy[] {
  return (clauses ?? []).map((clause) => {
    const match = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i.exec(clause);
    const name = match?.[1];
    if (!name || !SORT_FIELD.test(name)) {
      throw new InvalidInputError(`Cannot sort Weave calls by "${clause}".`, {
        backend: 'wandb',
        field,
        hint: 'Use "<field> asc|desc" with started_at, ended_at, op_name, summary.weave.latency_ms, summary.weave.status, or a path like output.score.',
      });
    }
    const direction = (match?.[2]?.toLowerCase() ?? 'desc') as WeaveSortBy['direction'];
    return { field: name, direction };
  });
}
