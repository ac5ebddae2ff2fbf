import type { CallOptions, Page } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { compact } from '../shared/merge-filters.js';
import { cursorOffset, offsetCursor, PREFECT_PAGE_LIMIT } from '../shared/offset-cursor.js';
import { PrefectLogSchema } from '../shared/prefect-api-types.js';
import { mapLogLine, type PrefectLogLine } from './log-line.js';

export interface LogQuery {
  flowRunId: string;
  taskRunId?: string | undefined;
  /** Newest first (default), so the traceback at the end of a failed run comes first. */
  newestFirst?: boolean | undefined;
  /** Numeric Python level; lines below it are skipped by the server. */
  minLevel?: number | undefined;
  limit: number;
  cursor?: string | undefined;
  maxMessageChars: number;
}

/**
 * POST /logs/filter in requests of at most 200 lines (the server's cap), until `limit` lines are
 * read or the run has no more; offset-paged, so a budget cut resumes at the exact line.
 */
export async function getFlowRunLogs(
  ctx: PrefectContext,
  query: LogQuery,
  options?: CallOptions,
): Promise<Page<PrefectLogLine>> {
  const start = cursorOffset(query.cursor);
  const logsFilter = compact({
    flow_run_id: { any_: [query.flowRunId] },
    task_run_id: query.taskRunId ? { any_: [query.taskRunId] } : undefined,
    level: query.minLevel ? { ge_: query.minLevel } : undefined,
  });
  const lines: PrefectLogLine[] = [];
  let offset = start;
  let exhausted = false;
  // One extra line tells whether more exist.
  while (lines.length <= query.limit) {
    const want = Math.min(PREFECT_PAGE_LIMIT, query.limit + 1 - lines.length);
    const batch = await ctx.http.request({
      method: 'POST',
      path: 'logs/filter',
      body: {
        logs: logsFilter,
        sort: query.newestFirst === false ? 'TIMESTAMP_ASC' : 'TIMESTAMP_DESC',
        offset,
        limit: want,
      },
      idempotent: true,
      signal: options?.signal,
      schema: z.array(PrefectLogSchema),
      operation: 'read flow run logs',
    });
    lines.push(...batch.map((log) => mapLogLine(log, query.maxMessageChars)));
    offset += batch.length;
    if (batch.length < want) {
      exhausted = true;
      break;
    }
  }
  const items = lines.slice(0, query.limit);
  return {
    items,
    nextCursor:
      !exhausted || lines.length > query.limit ? offsetCursor(start + items.length) : undefined,
    resumeAt: (index) => offsetCursor(start + index),
  };
}
