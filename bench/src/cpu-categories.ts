import { z } from 'zod';

/** The parts of a V8 `.cpuprofile` the categorisation reads. */
export const CpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number().optional(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof CpuProfileSchema>;

/** Where the gateway's CPU time went, as shares of its busy time. */
export interface CpuBreakdown {
  /** Busy time (not idle, not start-up module loading) in milliseconds. */
  busyMs: number;
  /** Start-up module loading, left out of the shares. */
  startupMs: number;
  shares: { category: string; percent: number }[];
}

/**
 * Ordered rules: the first that matches a frame of the sample's stack (searched from the leaf
 * up, so the code doing the work wins over the code that called it) names the category. Logging
 * is matched anywhere in the stack first, so pino's writes count as logging, not as fs.
 */
const ANYWHERE: [RegExp, string][] = [[/\/(pino|sonic-boom|thread-stream)\//, 'logging (pino)']];
const NEAREST: [RegExp, string][] = [
  [/@modelcontextprotocol\//, 'MCP SDK (protocol, per-request server, transport)'],
  [/\/zod\//, 'zod (validation, JSON Schema)'],
  [/\/undici\//, 'undici (backend HTTP client)'],
  [/\/(packages\/[a-z-]+|apps\/server)\/dist\//, 'gateway and adapter code'],
  [
    /^node:(net|_http|http|stream|internal\/(stream|streams|http|net|js_stream|webstreams))/,
    'Node HTTP, streams and sockets',
  ],
  [/^node:/, 'Node internals (timers, events, other)'],
];

/** Categorises a CPU profile's samples by the library or layer that was running. */
export function cpuBreakdown(profile: CpuProfile): CpuBreakdown {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  let startup = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const stack: { functionName: string; url: string }[] = [];
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      stack.push(byId.get(cursor)!.callFrame);
    }
    const leaf = stack[0]!;
    if (leaf.functionName === '(idle)') return;
    if (stack.some((frame) => frame.url.startsWith('node:internal/modules'))) {
      startup += micros;
      return;
    }
    const category = categorise(leaf.functionName, stack);
    totals.set(category, (totals.get(category) ?? 0) + micros);
  });
  const busy = [...totals.values()].reduce((sum, micros) => sum + micros, 0);
  return {
    busyMs: busy / 1000,
    startupMs: startup / 1000,
    shares: [...totals]
      .sort((a, b) => b[1] - a[1])
      .map(([category, micros]) => ({ category, percent: (100 * micros) / busy })),
  };
}

function categorise(leaf: string, stack: readonly { url: string }[]): string {
  if (leaf === '(garbage collector)') return 'garbage collection';
  for (const [pattern, category] of ANYWHERE) {
    if (stack.some((frame) => pattern.test(frame.url))) return category;
  }
  const nearest = stack.find((frame) => frame.url !== '');
  if (!nearest) return 'V8 and native (other)';
  for (const [pattern, category] of NEAREST) if (pattern.test(nearest.url)) return category;
  return 'other JavaScript';
}
