import { readFileSync } from 'node:fs';
import { type BackendName, type SharedBackends, startBackends } from './start-backends.js';

/** Environment variable a runner sets to hand already-running backends to every vitest run. */
export const TEST_BACKENDS_ENV = 'MLOPS_MCP_TEST_BACKENDS';

/** The part of vitest's TestProject a global set-up uses. */
export interface ProvidingProject {
  provide(key: 'mlopsBackends', value: SharedBackends): void;
}

/**
 * A vitest `globalSetup` that makes the named backends available to every test file of the run
 * (read them with sharedMlflow() and friends from '@mlops-mcp/testkit/vitest'). Backends the
 * runner already started (MLOPS_MCP_TEST_BACKENDS: their JSON, or a path to a JSON file) are
 * reused; the others are started once for this vitest run and stopped at its end.
 */
export function backendsGlobalSetup(
  needs: readonly BackendName[],
): (project: ProvidingProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const running = runningBackends();
    const missing = needs.filter((name) => running[name] === undefined);
    const started = missing.length > 0 ? await startBackends(missing) : undefined;
    project.provide('mlopsBackends', { ...running, ...started?.backends });
    return async () => {
      await started?.stop();
    };
  };
}

/** Backends named by MLOPS_MCP_TEST_BACKENDS, or none. */
export function runningBackends(): SharedBackends {
  const value = process.env[TEST_BACKENDS_ENV]?.trim();
  if (!value) return {};
  const json = value.startsWith('{') ? value : readFileSync(value, 'utf8');
  try {
    return JSON.parse(json) as SharedBackends;
  } catch (error) {
    throw new Error(
      `testkit: ${TEST_BACKENDS_ENV} is neither backend JSON nor a readable JSON file (${String(error)}); unset it to start backends per run`,
    );
  }
}
