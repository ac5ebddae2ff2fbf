import { z } from 'zod';

/** Smallest, median and largest value of one measure over rounds, windows or tasks. */
export const SpreadSchema = z.object({ min: z.number(), median: z.number(), max: z.number() });

/** Latency of one arm in milliseconds (median over rounds of each round's percentile). */
export const LatencyArmSchema = z.object({ p50: z.number(), p99: z.number() });
export type LatencyArm = z.infer<typeof LatencyArmSchema>;

const RatioSchema = z.object({ p50: SpreadSchema, p99: SpreadSchema });

/** Gateway overhead on one task: every arm's latency and each gateway arm's ratio to direct. */
export const OverheadResultSchema = z.object({
  task: z.string(),
  tool: z.string(),
  /** Backend requests one call of the tool makes (the direct arm sends the same ones). */
  backendRequests: z.number(),
  samplesPerArm: z.number(),
  arms: z.object({
    direct: LatencyArmSchema,
    library: LatencyArmSchema,
    http: LatencyArmSchema,
    stdio: LatencyArmSchema,
  }),
  ratios: z.object({ library: RatioSchema, http: RatioSchema, stdio: RatioSchema }),
  /** CPU time of the gateway process per call, from /proc/<pid>/stat. */
  gatewayCpuMsPerCall: z.object({ http: z.number(), stdio: z.number() }),
});
export type OverheadResult = z.infer<typeof OverheadResultSchema>;

/** Throughput at one concurrency over HTTP, gateway vs direct, with the gateway's cost. */
export const ThroughputResultSchema = z.object({
  clients: z.number(),
  windows: z.number(),
  windowMs: z.number(),
  directCallsPerSecond: z.number(),
  gatewayCallsPerSecond: z.number(),
  /** Gateway calls/s divided by direct calls/s, one ratio per pair of adjacent windows. */
  ratio: SpreadSchema,
  gatewayCpuMsPerCall: SpreadSchema,
  gatewayRssMiB: z.object({ median: z.number(), max: z.number() }),
  errors: z.number(),
});
export type ThroughputResult = z.infer<typeof ThroughputResultSchema>;

export const ColdStartResultSchema = z.object({
  runs: z.number(),
  gatewayMs: SpreadSchema,
  /** A bare Node stdio JSON-RPC server answering the same two requests: the floor. */
  bareNodeMs: SpreadSchema,
  ratio: SpreadSchema,
  /** RSS right after the first tools/list answer (stdio, idle). */
  gatewayRssMiB: SpreadSchema,
  bareNodeRssMiB: SpreadSchema,
  rssRatio: SpreadSchema,
  tools: z.number(),
});
export type ColdStartResult = z.infer<typeof ColdStartResultSchema>;

export const MemoryResultSchema = z.object({
  /** RSS of a fresh HTTP gateway before any request. */
  idleMiB: z.number(),
  /** RSS after the load, once requests stopped. */
  afterLoadMiB: z.number(),
  /** Largest RSS sampled under load, by concurrency. */
  underLoadMaxMiB: z.record(z.string(), z.number()),
});
export type MemoryResult = z.infer<typeof MemoryResultSchema>;

export const ToolListProfileSchema = z.object({
  profile: z.string(),
  settings: z.string(),
  tools: z.number(),
  /** What a model reads: each tool's name, description and input schema (optional: older runs). */
  visibleTokens: z.number().optional(),
  /** The median tool's visible tokens. */
  medianVisible: z.number().optional(),
  /** The whole tools/list result. */
  tokens: z.number(),
  /** Tokens relative to listing every tool. */
  ratioToAll: z.number(),
});
export type ToolListProfile = z.infer<typeof ToolListProfileSchema>;

export const TaskTokensSchema = z.object({
  task: z.string(),
  tool: z.string(),
  backendRequests: z.number(),
  /** Estimated tokens of the tool result text the agent reads. */
  gatewayTokens: z.number(),
  /** Estimated tokens of the raw backend response bodies for the same requests. */
  rawTokens: z.number(),
  ratio: z.number(),
});
export type TaskTokens = z.infer<typeof TaskTokensSchema>;

/** Where the HTTP gateway's CPU time went under load (V8 sampling profiler). */
export const GatewayProfileSchema = z.object({
  clients: z.number(),
  calls: z.number(),
  busyMs: z.number(),
  startupMs: z.number(),
  busyMsPerCall: z.number(),
  shares: z.array(z.object({ category: z.string(), percent: z.number() })),
});

export const BenchResultsSchema = z.object({
  date: z.string(),
  /** `git describe --always --dirty` of the tree the gateway was built from. */
  commit: z.string(),
  machine: z.object({
    cpus: z.number(),
    cpuModel: z.string(),
    memGiB: z.number(),
    node: z.string(),
    loadAverageAtStart: z.array(z.number()),
  }),
  settings: z.record(z.string(), z.union([z.number(), z.string()])),
  overhead: z.array(OverheadResultSchema),
  throughput: z.object({
    backend: z.string(),
    tool: z.string(),
    levels: z.array(ThroughputResultSchema),
  }),
  gatewayProfile: GatewayProfileSchema,
  coldStart: ColdStartResultSchema,
  memory: MemoryResultSchema,
  tokens: z.object({
    toolList: z.array(ToolListProfileSchema),
    tasks: z.array(TaskTokensSchema),
    ratio: SpreadSchema,
  }),
  durationSeconds: z.number(),
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;
