import { type BackendAdapter, type BackendHealth, secrets, toCompactJson } from '@mlops-mcp/core';
import type { ReadResourceResult } from '@modelcontextprotocol/server';
import type { ResourceContext } from './resource-context.js';

/** URI of the gateway's health overview. */
export const OVERVIEW_URI = 'mlops://overview';

/** One enabled backend as the overview shows it. */
export interface BackendOverview extends BackendHealth {
  backend: string;
  /** Backend URL without credentials. */
  url: string;
}

/**
 * Reads the overview: every enabled backend probed in parallel (reachable, authenticated,
 * version, latency, the problem and its fix when not healthy), as `mlops-mcp doctor` does.
 */
export async function readOverview(
  ctx: ResourceContext,
  signal?: AbortSignal,
): Promise<ReadResourceResult> {
  const backends = await Promise.all(
    [...(await ctx.adapters()).entries()].map(([namespace, adapter]) =>
      probe(ctx, namespace, adapter, signal),
    ),
  );
  const overview = secrets.isEmpty ? { backends } : secrets.redactDeep({ backends });
  return {
    contents: [{ uri: OVERVIEW_URI, mimeType: 'application/json', text: toCompactJson(overview) }],
  };
}

async function probe(
  ctx: ResourceContext,
  namespace: string,
  adapter: BackendAdapter,
  signal?: AbortSignal,
): Promise<BackendOverview> {
  let health: BackendHealth;
  try {
    health = await adapter.checkHealth(signal ? { signal } : undefined);
  } catch (error) {
    // checkHealth maps every MlopsError itself; anything else is a bug, shown without details.
    ctx.logger.error(
      {
        backend: namespace,
        err: secrets.redact(error instanceof Error ? error.message : String(error)),
      },
      'health probe failed',
    );
    health = {
      reachable: false,
      problem: { kind: 'internal', message: 'The health probe failed unexpectedly.' },
    };
  }
  return { backend: namespace, url: adapter.baseUrl, ...health };
}
