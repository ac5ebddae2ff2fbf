import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** Where the stand-in's own SDL lives (read from the package's src/ from both src and dist). */
export const WANDB_STANDIN_SCHEMA_PATH: string = join(
  packageRoot,
  'src',
  'wandb-standin',
  'wandb-standin.graphql',
);

/** The stand-in's SDL text: a subset of W&B's schema covering what the adapter sends. */
export function wandbStandinSchemaSdl(): string {
  return readFileSync(WANDB_STANDIN_SCHEMA_PATH, 'utf8');
}
