import type { Orchestration } from './capabilities/orchestration.js';
import type { Registry } from './capabilities/registry.js';
import type { Tracing } from './capabilities/tracing.js';
import type { Tracking } from './capabilities/tracking.js';
import { UnsupportedCapabilityError } from './errors.js';
import type { BackendId } from './model/ref.js';

/** Bumped on any breaking change to the capability interfaces (as vercel/ai versions its spec). */
export const ADAPTER_SPEC_VERSION = 'v1' as const;

export interface Capabilities {
  tracking?: Tracking;
  tracing?: Tracing;
  registry?: Registry;
  orchestration?: Orchestration;
}

/**
 * What every backend adapter is: an identity, the capabilities it implements, and a way to
 * release its connections. Created by a `createXAdapter(settings)` factory.
 */
export interface BackendAdapter {
  readonly specVersion: typeof ADAPTER_SPEC_VERSION;
  readonly backend: BackendId;
  /** Base URL of the backend, without credentials (safe to show). */
  readonly baseUrl: string;
  readonly capabilities: Capabilities;
  close(): Promise<void>;
}

/** Returns the capability or throws a typed UnsupportedCapabilityError, never a stub. */
export function requireCapability<K extends keyof Capabilities>(
  adapter: BackendAdapter,
  capability: K,
): NonNullable<Capabilities[K]> {
  const found = adapter.capabilities[capability];
  if (!found) {
    throw new UnsupportedCapabilityError(
      `The ${adapter.backend} adapter does not support ${capability}.`,
      { backend: adapter.backend },
    );
  }
  return found;
}
