import { z } from 'zod';

export { cursorInput, limitInput } from '@mlops-mcp/core';

/** Input fields several MLflow tools share, described once. */
export const orderByInput = z
  .array(z.string().min(1).max(250))
  .max(10)
  .optional()
  .describe('e.g. "metrics.val_loss ASC".');

export const includeSystemTagsInput = z.boolean().default(false);

export const tagKeyInput = z.string().min(1).max(250);

/** Tag keys a tool may write: mlflow.* keys are MLflow's own (prompt markers among them). */
export const writableTagKeyInput = tagKeyInput.refine(
  (key) => !key.startsWith('mlflow.'),
  'Keys starting with "mlflow." are reserved for MLflow.',
);
