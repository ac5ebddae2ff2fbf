import { cursorInput, limitInput } from '@mlops-mcp/core';
import { z } from 'zod';

export { cursorInput, limitInput };

/** Input fields several W&B tools share, described once. */
export const entityInput = z.string().min(1).max(128).optional();

export const projectInput = z.string().min(1).max(128).optional();

export const runInput = z
  .string()
  .min(1)
  .max(500)
  .describe('Path "<entity>/<project>/<id>", URL, ref.uri or id.');

export const includeInternalInput = z.boolean().default(false);

/** The input of a tool that pages through one kind of thing in a project. */
export const projectPageInput = z.object({
  entity: entityInput,
  project: projectInput,
  limit: limitInput(25, 200),
  cursor: cursorInput,
});
