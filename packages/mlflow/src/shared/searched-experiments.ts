import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';

/**
 * Tools that search across experiments (runs, traces, logged models, best run) take optional
 * `experimentIds`: none means every active experiment, up to this many.
 */
export const MAX_IMPLICIT_EXPERIMENTS = 500;

/** The `experimentIds` input of such a tool, with `id` the tool's schema for one id. */
export function searchedExperimentIdsInput(id: z.ZodString) {
  return z
    .array(id)
    .max(100)
    .optional()
    .describe(`Default: all active (up to ${MAX_IMPLICIT_EXPERIMENTS}).`);
}

/** The `experimentIds` field of its answer. */
export const searchedExperimentIdsOutput = z
  .array(z.string())
  .describe('The experiments that were searched.');

/** The experiments to search: those given, else the active ones (the adapter lists them). */
export async function experimentsToSearch(
  client: { listExperimentIds(cap: number, options?: CallOptions): Promise<string[]> },
  given: string[] | undefined,
  options: CallOptions,
): Promise<string[]> {
  return given?.length ? given : client.listExperimentIds(MAX_IMPLICIT_EXPERIMENTS, options);
}
