import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of packages/testkit (this file lives one level below it, in src/ or dist/). */
export const packageRoot: string = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of the monorepo root: the nearest ancestor holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = packageRoot;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`testkit: no pnpm-workspace.yaml found above ${packageRoot}`);
    }
    dir = parent;
  }
}
