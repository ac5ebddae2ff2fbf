import { z } from 'zod';

export { cursorInput, limitInput } from '@mlops-mcp/core';

/** Input fields several MLflow tools share, described once. */
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
