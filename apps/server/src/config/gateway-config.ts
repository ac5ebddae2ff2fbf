import { BackendIdSchema, DEFAULT_TIMEOUTS } from '@mlops-mcp/core';
import { MlflowSettingsSchema } from '@mlops-mcp/mlflow';
import { PrefectSettingsSchema } from '@mlops-mcp/prefect';
import { WandbSettingsSchema } from '@mlops-mcp/wandb';
import { z } from 'zod';
import { CODE_LIMIT_DEFAULTS } from '../code/code-context.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Bounds of `backendTimeoutMs`: under 1 s fails healthy calls, over 10 min looks like a hang. */
export const BACKEND_TIMEOUT_MS = { min: 1_000, max: 600_000 } as const;

/** Bounds of the HTTP request-side timeouts (ms): the low end only makes sense in tests. */
export const HTTP_TIMEOUT_MS = { min: 100, max: 600_000 } as const;

/** Bounds of the code-mode limits (MLOPS_MCP_CODE_*). */
export const CODE_LIMITS = {
  timeoutMs: { min: 100, max: 600_000 },
  memoryMb: { min: 8, max: 1024 },
  maxCalls: { min: 1, max: 10_000 },
} as const;

/** HTTP settings when none are given (also the schema's defaults). */
export const HTTP_DEFAULTS = {
  host: '127.0.0.1',
  port: 3333,
  allowNoAuth: false,
  maxBodyBytes: 1024 * 1024,
  backendHeaders: false,
  backendHosts: [] as string[],
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 512,
};

/**
 * The resolved gateway configuration. A backend is enabled exactly when its settings are present.
 * `loadConfig` builds it from env + CLI flags; library users may build it directly.
 */
export const GatewayConfigSchema = z.object({
  mlflow: MlflowSettingsSchema.optional(),
  wandb: WandbSettingsSchema.optional(),
  prefect: PrefectSettingsSchema.optional(),
  /** Hide every write tool. On unless writes are explicitly enabled. */
  readOnly: z.boolean().default(true),
  /** Toolsets to expose (backend names, areas such as `runs`, or `all`); undefined = all. */
  toolsets: z.array(z.string()).optional(),
  /** Individual tools to expose in addition to the toolsets. */
  tools: z.array(z.string()).optional(),
  excludeTools: z.array(z.string()).default([]),
  transport: z.enum(['stdio', 'http']).default('stdio'),
  http: z
    .object({
      host: z.string().default(HTTP_DEFAULTS.host),
      port: z.number().int().min(0).max(65535).default(HTTP_DEFAULTS.port),
      /** Bearer token clients must send. Required unless `allowNoAuth`. */
      token: z.string().optional(),
      allowNoAuth: z.boolean().default(false),
      /** Host header values accepted (DNS-rebinding protection). Default: loopback names. */
      allowedHosts: z.array(z.string()).optional(),
      /** Origin hostnames accepted from browsers. Default: loopback names. */
      allowedOrigins: z.array(z.string()).optional(),
      maxBodyBytes: z.number().int().positive().default(HTTP_DEFAULTS.maxBodyBytes),
      /**
       * Accept backend credentials per request (X-MLflow-Tracking-Uri, ... headers) for shared
       * deployments. Off by default.
       */
      backendHeaders: z.boolean().default(false),
      /**
       * Hosts a request's backend URL header may name (`host`, `host:port`, `*.domain`, `*`).
       * Empty (the default): requests bring credentials only, never a URL of their choosing.
       */
      backendHosts: z.array(z.string()).default([]),
      /** Time a client has to send its request headers; then the connection is closed. */
      headersTimeoutMs: z
        .number()
        .int()
        .min(HTTP_TIMEOUT_MS.min)
        .max(HTTP_TIMEOUT_MS.max)
        .default(HTTP_DEFAULTS.headersTimeoutMs),
      /**
       * Time a client has to send its whole request, body included (408 then). The response,
       * which may stream for as long as a tool call runs, is not limited by it.
       */
      requestTimeoutMs: z
        .number()
        .int()
        .min(HTTP_TIMEOUT_MS.min)
        .max(HTTP_TIMEOUT_MS.max)
        .default(HTTP_DEFAULTS.requestTimeoutMs),
      /** Open connections at most; a connection over the limit is closed as it arrives. */
      maxConnections: z.number().int().min(1).max(100_000).default(HTTP_DEFAULTS.maxConnections),
    })
    .refine((http) => http.headersTimeoutMs <= http.requestTimeoutMs, {
      message: 'headersTimeoutMs must not exceed requestTimeoutMs',
      path: ['headersTimeoutMs'],
    })
    .default(HTTP_DEFAULTS),
  /** Backends enabled with no gateway-wide settings: every request must bring its own headers. */
  perRequestBackends: z.array(BackendIdSchema).default([]),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** Per-response budget in estimated tokens; list tools cut pages to fit and say so. */
  maxResponseTokens: z.number().int().min(500).max(200_000).default(8000),
  /**
   * Deadline in ms for one backend call, retries included. Unset = core's default, so the
   * resolved config (and `mlops-mcp config`) always shows the deadline in force.
   */
  backendTimeoutMs: z
    .number()
    .int()
    .min(BACKEND_TIMEOUT_MS.min)
    .max(BACKEND_TIMEOUT_MS.max)
    .default(DEFAULT_TIMEOUTS.totalMs),
  /** Limits of one mlops_execute snippet (code mode); see docs/CODE-MODE.md. */
  code: z
    .object({
      timeoutMs: z
        .number()
        .int()
        .min(CODE_LIMITS.timeoutMs.min)
        .max(CODE_LIMITS.timeoutMs.max)
        .default(CODE_LIMIT_DEFAULTS.timeoutMs),
      memoryMb: z
        .number()
        .int()
        .min(CODE_LIMITS.memoryMb.min)
        .max(CODE_LIMITS.memoryMb.max)
        .default(CODE_LIMIT_DEFAULTS.memoryMb),
      maxCalls: z
        .number()
        .int()
        .min(CODE_LIMITS.maxCalls.min)
        .max(CODE_LIMITS.maxCalls.max)
        .default(CODE_LIMIT_DEFAULTS.maxCalls),
    })
    .default(CODE_LIMIT_DEFAULTS),
});
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof GatewayConfigSchema>;
