import { z } from 'zod';

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

/** A page size with bounds and a default. */
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

export const includeInternalInput = z
  .boolean()
  .default(false)
  .describe(
    'Keep W&B\'s own summary keys ("_step", "_runtime", "_timestamp", "_wandb"). Off by default.',
  );
