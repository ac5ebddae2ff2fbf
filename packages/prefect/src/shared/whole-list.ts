import { fitPageToBudget } from '@mlops-mcp/core';
import { z } from 'zod';

/**
 * Tools that list everything Prefect has at once (no paging: pools, limits, automations,
 * variables, blocks) answer `{ items, truncated? }`; these two build that answer's schema and
 * value, so every such tool cuts to the response budget the same way.
 */

/** The output schema of a whole-list tool with items of `item`. */
export function wholeListSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), truncated: z.boolean().optional() });
}

/** `all` cut to the response budget; `truncated` only when items were left out. */
export function fitWholeList<T>(
  all: T[],
  maxResponseTokens: number,
): { items: T[]; truncated?: boolean } {
  const { items, truncated } = fitPageToBudget({ items: all }, maxResponseTokens);
  return { items, ...(truncated ? { truncated } : {}) };
}
