import { z } from 'zod';

/** Input fields several MLflow tools share, described once. */
export const limitInput = (defaultLimit: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(defaultLimit)
    .describe(`How many items to return (1-${max}, default ${defaultLimit}).`);

export const cursorInput = z
  .string()
  .max(4096)
  .optional()
  .describe('nextCursor from a previous call, to get the next page.');

export const orderByInput = z
  .array(z.string().min(1).max(250))
  .max(10)
  .optional()
  .describe(
    'Sort clauses, each "<column> [ASC|DESC]", e.g. ["metrics.val_loss ASC", "attributes.start_time DESC"].',
  );

export const includeSystemTagsInput = z
  .boolean()
  .default(false)
  .describe("Include MLflow's own mlflow.* tags (source, git commit, user...). Off by default.");
