import { z } from 'zod';

/**
 * Sweep fields after the SDK's SweepFragment (wandb/wandb tools/graphql_codegen/api/
 * sweeps.graphql, generated into wandb/apis/_generated/operations.py GET_SWEEPS_GQL). The
 * bandw reference schema leaves sweeps out. `config` is the sweep's YAML text.
 */
export const SWEEP_FIELDS = `id
  name
  displayName
  method
  state
  description
  bestLoss
  config
  createdAt
  updatedAt
  runCount
  runCountExpected`;

/** A `Sweep` selected with {@link SWEEP_FIELDS}. */
export const SweepNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().nullish(),
  method: z.string().nullish(),
  state: z.string().nullish(),
  description: z.string().nullish(),
  bestLoss: z.number().nullish(),
  config: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  runCount: z.number().nullish(),
  runCountExpected: z.number().nullish(),
});
export type SweepNode = z.infer<typeof SweepNodeSchema>;
