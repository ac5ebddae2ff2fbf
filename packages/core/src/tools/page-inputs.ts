import { z } from 'zod';

/**
 * The paging inputs every list tool shares, described once so each backend's tools read alike
 * and cost the same tokens in `tools/list`.
 */
export const limitInput = (defaultLimit: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(defaultLimit)
    .describe(`How many items to return (1-${max}, default ${defaultLimit}).`);

/** An opaque page token; `detail` says what must stay the same between pages, if anything. */
export const cursorInputFor = (detail = '') =>
  z
    .string()
    .max(4096)
    .optional()
    .describe(`nextCursor from a previous call${detail}, to get the next page.`);

export const cursorInput = cursorInputFor();
