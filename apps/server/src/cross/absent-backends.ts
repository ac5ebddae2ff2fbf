import type { CapabilityName } from '@mlops-mcp/core';
import type { CrossContext } from './cross-context.js';
import type { Caveat } from './fan-out.js';

/**
 * Caveats for the backends that could have answered (they implement `capability`) but are off,
 * so an empty answer is never mistaken for "nothing there". `what` is what was not done, e.g.
 * "its runs were not searched". Without `capability`, every absent backend counts.
 */
export function absentCaveats(
  context: CrossContext,
  capability: CapabilityName | undefined,
  what: string,
): Caveat[] {
  const absent = (context.absent ?? []).filter(
    (backend) => !capability || backend.capabilities.includes(capability),
  );
  if (absent.length === 0) return [];
  const noneEnabled =
    capability !== undefined &&
    ![...context.adapters.values()].some((adapter) => adapter.capabilities[capability]);
  const lead = noneEnabled ? `No ${capability} backend is enabled: ` : '';
  return absent.map((backend) => ({
    backend: backend.backend,
    kind: 'not_enabled',
    message: `${lead}${backend.label} is off, so ${what}; ${backend.enable} to enable it.`,
  }));
}
