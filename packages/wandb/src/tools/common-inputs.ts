import { z } from 'zod';

export { cursorInput, limitInput } from '@mlops-mcp/core';

/** Input fields several W&B tools share, described once. */
export const entityInput = z
  .string()
  .min(1)
  .max(128)
  .optional();

export const projectInput = z
  .string()
  .min(1)
  .max(128)
  .optional();

export const runInput = z
  .string()
  .min(1)
  .max(500)
  .describe('Run path "<entity>/<project>/<runId>", run URL, ref.uri, or run id.');

export const includeInternalInput = z
  .boolean()
  .default(false);
