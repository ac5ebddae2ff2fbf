import { z } from 'zod';

export { cursorInput, limitInput } from '@mlops-mcp/core';

/** Input fields several W&B tools share, described once. */
export const entityInput = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe(
    'W&B entity (user or team). Default: WANDB_ENTITY, else your default entity (wandb_get_viewer).',
  );

export const projectInput = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe('W&B project name. Default: WANDB_PROJECT.');

export const runInput = z
  .string()
  .min(1)
  .max(500)
  .describe(
    'The run: "<entity>/<project>/<runId>", a run URL, a ref URI (wandb://<entity>/<project>/runs/<id>) or a bare ' +
      'run id with entity/project. Run ids come from wandb_search_runs.',
  );

export const includeInternalInput = z
  .boolean()
  .default(false)
  .describe(
    'Keep W&B\'s own summary keys ("_step", "_runtime", "_timestamp", "_wandb"). Off by default.',
  );
