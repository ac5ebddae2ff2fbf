import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest ancestor of this file holding pnpm-workspace.yaml. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no pnpm-workspace.yaml above the wandb tests');
    dir = parent;
  }
  return dir;
}

/** The shared W&B reference schema (bandw), beside the repository: ../shared/wandb. */
export const REFERENCE_SCHEMA_PATH = join(
  repoRoot(),
  '..',
  'shared',
  'wandb',
  'graphql-schema.bandw.graphql',
);

/** The reference schema's SDL; fails with a clear message when the shared folder is missing. */
export function referenceSchemaSdl(): string {
  if (!existsSync(REFERENCE_SCHEMA_PATH)) {
    throw new Error(
      `The W&B reference schema is missing at ${REFERENCE_SCHEMA_PATH}; it ships in shared/wandb beside the repository.`,
    );
  }
  return readFileSync(REFERENCE_SCHEMA_PATH, 'utf8');
}
