import type { BackendAdapter, Orchestration, Tracking } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineCrossTool } from '../cross-context.js';
import { fanOut } from '../fan-out.js';

const COUNT_CAP = 200;

const BackendOverviewSchema = z.object({
  backend: z.string(),
  url: z.string(),
  reachable: z.boolean(),
  authenticated: z.boolean().optional(),
  version: z.string().optional(),
  latencyMs: z.number().optional(),
  counts: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .optional()
    .describe(`Entities found, "${COUNT_CAP}+" when there are more.`),
  problem: z
    .object({ kind: z.string(), message: z.string(), hint: z.string().optional() })
    .optional(),
});

function count(items: number, more: boolean): number | string {
  return more ? `${items}+` : items;
}

async function backendCounts(
  adapter: BackendAdapter,
  signal: AbortSignal,
): Promise<Record<string, number | string>> {
  const options = { signal };
  const counts: Record<string, number | string> = {};
  const tracking = adapter.capabilities.tracking as Tracking | undefined;
  if (tracking) {
    const page = await tracking.searchExperiments({ limit: COUNT_CAP }, options);
    counts[`${tracking.scopeNoun}s`] = count(page.items.length, !!page.nextCursor);
  }
  const orchestration = adapter.capabilities.orchestration as Orchestration | undefined;
  if (orchestration) {
    const flows = await orchestration.listFlows({ limit: COUNT_CAP }, options);
    counts.flows = count(flows.items.length, !!flows.nextCursor);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const failed = await orchestration.listFlowRuns(
      { statuses: ['failed', 'crashed'], since, limit: COUNT_CAP },
      options,
    );
    counts.failedFlowRuns24h = count(failed.items.length, !!failed.nextCursor);
  }
  return counts;
}

/** mlops_overview: every enabled backend's reachability, version, latency and size, in one call. */
export const overviewTool = defineCrossTool({
  name: 'mlops_overview',
  title: 'Overview of every enabled backend',
  description:
    'Health and size of every enabled backend; call it first, or when a backend seems down.',
  namespace: 'mlops',
  toolsets: ['cross'],
  access: 'read',
  inputSchema: z.object({}),
  outputSchema: z.object({
    backends: z.array(BackendOverviewSchema),
    notEnabled: z
      .array(z.string())
      .optional()
      .describe('Backends that are off, each with how to turn it on.'),
  }),
  async handler(_input, { client, signal, progress }) {
    const adapters = [...client.adapters.values()];
    const { results } = await fanOut(
      adapters,
      async (adapter, backendSignal) => {
        const health = await adapter.checkHealth({ signal: backendSignal });
        const overview: z.infer<typeof BackendOverviewSchema> = {
          backend: adapter.backend,
          url: adapter.baseUrl,
          ...health,
        };
        if (health.reachable && health.authenticated !== false) {
          try {
            overview.counts = await backendCounts(adapter, backendSignal);
          } catch {
            // Counting is a bonus: health already answered the question.
          }
        }
        return overview;
      },
      { signal, progress },
    );
    const off = (client.absent ?? []).map((backend) => `${backend.label}: ${backend.enable}`);
    return {
      backends: results.map((result) => result.value),
      ...(off.length > 0 ? { notEnabled: off } : {}),
    };
  },
});
