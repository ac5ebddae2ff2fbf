import { randomUUID } from 'node:crypto';
import type { AnyToolDefinition } from '@mlops-mcp/core';
import { expect, inject, it } from 'vitest';
import { z } from 'zod';
import type { BackendName, SharedBackends } from './shared/start-backends.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mlopsBackends: SharedBackends;
  }
}

export type { SharedBackends } from './shared/start-backends.js';

/** The shared backend `name`, or an error that says how to make the run provide it. */
function shared<K extends BackendName>(name: K): NonNullable<SharedBackends[K]> {
  const backend = inject('mlopsBackends')?.[name];
  if (!backend) {
    throw new Error(
      `testkit: no shared ${name} backend in this vitest run; add backendsGlobalSetup([..., '${name}']) to the package's test/global-setup.ts`,
    );
  }
  return backend as NonNullable<SharedBackends[K]>;
}

/** The run's shared, seeded MLflow server: its URL and seed. Isolate writes with uniqueName(). */
export const sharedMlflow = () => shared('mlflow');
/** The run's shared, seeded Prefect server: its /api URL and seed. */
export const sharedPrefect = () => shared('prefect');
/** The run's shared, seeded Weave trace server: URL, API key and seed. */
export const sharedWeave = () => shared('weave');
/** The run's shared W&B stand-in: URL, API key and entity. */
export const sharedStandin = () => shared('standin');

/** A name no other test uses, e.g. `uniqueName('run-writes')` → `run-writes-1a2b3c4d`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** One test that every tool's input and output schema converts to JSON Schema. */
export function itRendersEveryToolSchema(tools: readonly AnyToolDefinition[]): void {
  it('render both schemas of every tool as JSON Schema', () => {
    for (const tool of tools) {
      expect(() => z.toJSONSchema(tool.inputSchema, { io: 'input' }), tool.name).not.toThrow();
      expect(() => z.toJSONSchema(tool.outputSchema, { io: 'output' }), tool.name).not.toThrow();
    }
  });
}
