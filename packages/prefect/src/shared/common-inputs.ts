import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { StateTypeSchema } from './prefect-filters.js';

/** Input fields several Prefect tools share, described once. */
export { cursorInput, limitInput } from '@mlops-mcp/core';

/** An ISO 8601 instant with a time zone (the server's instructions say so once); `what` only if it adds something. */
export const isoTimeInput = (what?: string) => {
  const input = z.iso.datetime({ offset: true }).optional();
  return what ? input.describe(what) : input;
};

export const stateTypesInput = z.array(StateTypeSchema).min(1).max(9).optional();

export const stateNamesInput = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(20)
  .optional()
  .describe('e.g. ["Late"].');

export const nameLikeInput = z.string().min(1).max(200).optional();

export const tagsInput = z
  .array(z.string().min(1).max(200))
  .min(1)
  .max(20)
  .optional()
  .describe('Match all of these.');

export const flowRunIdInput = z.string().min(1).max(200);

export const deploymentInput = z
  .string()
  .min(1)
  .max(400)
  .describe('Deployment id or "<flow>/<deployment>" name.');

export const workPoolNameInput = z.string().min(1).max(200);

/** The window [since, until], defaulting to the last `defaultHours` hours up to now. */
export function timeWindow(
  input: { since?: string | undefined; until?: string | undefined },
  defaultHours: number,
): { since: string; until: string } {
  const until = input.until ?? new Date().toISOString();
  const since = input.since ?? new Date(Date.parse(until) - defaultHours * 3_600_000).toISOString();
  if (Date.parse(since) > Date.parse(until)) {
    throw new InvalidInputError('since is after until.', { field: 'since' });
  }
  return { since, until };
}
