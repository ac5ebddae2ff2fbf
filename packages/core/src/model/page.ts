import { z } from 'zod';

/**
 * A page of results. `nextCursor` is opaque; pass it back unchanged to continue. `truncated`
 * says this page holds fewer items than asked for because of the response budget, never a
 * silent cut.
 */
export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
  truncated?: boolean | undefined;
  totalCount?: number | undefined;
  /**
   * Cursor that resumes at `items[index]`, set by adapters that can resume mid-page. Used by
   * `fitPageToBudget`; never serialised.
   */
  resumeAt?: ((index: number) => string) | undefined;
}

/** The zod shape of a Page, for tool output schemas. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass back as `cursor` to get the next page.'),
    truncated: z
      .boolean()
      .optional()
      .describe(
        'True when items were dropped to fit the response budget; nextCursor resumes there.',
      ),
    totalCount: z.number().optional(),
  });
}
