import type { CallOptions } from './capabilities/call-options.js';
import type { Orchestration } from './capabilities/orchestration.js';
import type { Registry } from './capabilities/registry.js';
import type { Tracing } from './capabilities/tracing.js';
import type { Tracking } from './capabilities/tracking.js';
import { MlopsError, UnsupportedCapabilityError } from './errors.js';
import type { BackendId, EntityKind } from './model/ref.js';

/** Bumped on any breaking change to the capability interfaces (as vercel/ai versions its spec). */
export const ADAPTER_SPEC_VERSION = 'v1' as const;

export interface Capabilities {
  tracking?: Tracking;
  tracing?: Tracing;
  registry?: Registry;
  orchestration?: Orchestration;
}

/** The name of one capability interface an adapter may implement. */
export type CapabilityName = keyof Capabilities;

/** The capabilities an adapter implements, read from the adapter itself. */
export function capabilityNames(adapter: Pick<BackendAdapter, 'capabilities'>): CapabilityName[] {
  return (Object.keys(adapter.capabilities) as CapabilityName[]).filter(
    (name) => adapter.capabilities[name] !== undefined,
  );
}

/** The outcome of probing a backend: can we reach it, do our credentials work, how fast. */
export interface BackendHealth {
  reachable: boolean;
  /** False when the backend answered 401/403; undefined when it could not be asked. */
  authenticated?: boolean | undefined;
  version?: string | undefined;
  latencyMs?: number | undefined;
  /** What went wrong and what to do about it, when not healthy. */
  problem?: { kind: string; message: string; hint?: string | undefined } | undefined;
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
  /** Probes reachability, authentication and version with one cheap authenticated call. */
  checkHealth(options?: CallOptions): Promise<BackendHealth>;
  /**
   * The id this backend's capabilities take for a parsed ref uri, when it is not the ref's id
   * (W&B runs: "<entity>/<project>/<id>"). Absent: the ref's id.
   */
  localId?(ref: { kind: EntityKind; id: string; scope: readonly string[]; uri: string }): string;
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

/**
 * Runs a probe and turns its outcome into a BackendHealth: any MlopsError becomes a problem
 * (auth errors mean reachable but not authenticated), success carries the version and latency.
 */
export async function probeHealth(probe: () => Promise<string>): Promise<BackendHealth> {
  const started = performance.now();
  try {
    const version = await probe();
    return {
      reachable: true,
      authenticated: true,
      version,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    if (!MlopsError.isInstance(error)) throw error;
    const problem = { kind: error.kind, message: error.message, hint: error.hint };
    if (error.kind === 'auth') return { reachable: true, authenticated: false, latencyMs, problem };
    const reachable = error.kind !== 'unavailable' && error.kind !== 'timeout';
    return { reachable, latencyMs, problem };
  }
}
