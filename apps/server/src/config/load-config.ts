import { parseArgs } from 'node:util';
import { ConfigError } from '@mlops-mcp/core';
import { mlflowSettingsFromEnv } from '@mlops-mcp/mlflow';
import { prefectSettingsFromEnv } from '@mlops-mcp/prefect';
import { wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import { parseHostPattern } from '../backends/backend-hosts.js';
import {
  BACKEND_TIMEOUT_MS,
  CODE_LIMITS,
  type GatewayConfig,
  GatewayConfigSchema,
  HTTP_DEFAULTS,
  HTTP_TIMEOUT_MS,
  LOG_LEVELS,
} from './gateway-config.js';

/** Every flag and the env variable it mirrors. A flag wins over its variable. */
export const OPTIONS = {
  mlflow: { env: 'MLOPS_MCP_MLFLOW', type: 'string' },
  wandb: { env: 'MLOPS_MCP_WANDB', type: 'string' },
  prefect: { env: 'MLOPS_MCP_PREFECT', type: 'string' },
  'read-only': { env: 'MLOPS_MCP_READ_ONLY', type: 'string' },
  toolsets: { env: 'MLOPS_MCP_TOOLSETS', type: 'string' },
  tools: { env: 'MLOPS_MCP_TOOLS', type: 'string' },
  'exclude-tools': { env: 'MLOPS_MCP_EXCLUDE_TOOLS', type: 'string' },
  transport: { env: 'MLOPS_MCP_TRANSPORT', type: 'string' },
  host: { env: 'MLOPS_MCP_HTTP_HOST', type: 'string' },
  port: { env: 'MLOPS_MCP_HTTP_PORT', type: 'string' },
  'allow-no-auth': { env: 'MLOPS_MCP_HTTP_ALLOW_NO_AUTH', type: 'string' },
  'allowed-hosts': { env: 'MLOPS_MCP_HTTP_ALLOWED_HOSTS', type: 'string' },
  'allowed-origins': { env: 'MLOPS_MCP_HTTP_ALLOWED_ORIGINS', type: 'string' },
  'max-body-bytes': { env: 'MLOPS_MCP_HTTP_MAX_BODY_BYTES', type: 'string' },
  'backend-headers': { env: 'MLOPS_MCP_HTTP_BACKEND_HEADERS', type: 'string' },
  'backend-hosts': { env: 'MLOPS_MCP_HTTP_BACKEND_HOSTS', type: 'string' },
  'headers-timeout-ms': { env: 'MLOPS_MCP_HTTP_HEADERS_TIMEOUT_MS', type: 'string' },
  'request-timeout-ms': { env: 'MLOPS_MCP_HTTP_REQUEST_TIMEOUT_MS', type: 'string' },
  'max-connections': { env: 'MLOPS_MCP_HTTP_MAX_CONNECTIONS', type: 'string' },
  'log-level': { env: 'MLOPS_MCP_LOG_LEVEL', type: 'string' },
  'max-response-tokens': { env: 'MLOPS_MCP_MAX_RESPONSE_TOKENS', type: 'string' },
  'backend-timeout-ms': { env: 'MLOPS_MCP_BACKEND_TIMEOUT_MS', type: 'string' },
  'code-timeout-ms': { env: 'MLOPS_MCP_CODE_TIMEOUT_MS', type: 'string' },
  'code-memory-mb': { env: 'MLOPS_MCP_CODE_MEMORY_MB', type: 'string' },
  'code-max-calls': { env: 'MLOPS_MCP_CODE_MAX_CALLS', type: 'string' },
} as const;
type OptionName = keyof typeof OPTIONS;

export type BackendMode = 'true' | 'false' | 'auto';

export interface LoadedConfig {
  config: GatewayConfig;
  /** Backends whose flag was `auto` and whose settings were missing (for a start-up log line). */
  skipped: string[];
}

/**
 * Builds the gateway configuration from CLI arguments and environment. Any bad value throws a
 * ConfigError whose message is one readable line naming the flag or variable.
 */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): LoadedConfig {
  const parsed = parseFlags(argv);
  const raw = (name: OptionName): { value: string; source: string } | undefined => {
    const flag = parsed[name];
    if (flag !== undefined) return { value: flag, source: `--${name}` };
    const fromEnv = env[OPTIONS[name].env];
    if (fromEnv !== undefined && fromEnv.trim() !== '')
      return { value: fromEnv.trim(), source: OPTIONS[name].env };
    return undefined;
  };
  const skipped: string[] = [];
  const backendHeadersRaw = raw('backend-headers');
  const backendHeaders = backendHeadersRaw ? bool(backendHeadersRaw) : false;
  const perRequestBackends: ('mlflow' | 'wandb' | 'prefect')[] = [];

  /** Settings of one backend per its mode: settings, or per-request only, or skipped. */
  const resolve = <S>(
    name: 'mlflow' | 'wandb' | 'prefect',
    settingsFromEnv: () => S | undefined,
    needs: string,
  ): S | undefined => {
    const mode = backendMode(raw(name));
    if (mode === 'false') return undefined;
    const settings = settingsFromEnv();
    if (settings) return settings;
    if (mode === 'auto') {
      skipped.push(`${name} (${needs} not set)`);
      return undefined;
    }
    if (!backendHeaders) {
      throw new ConfigError(
        `${OPTIONS[name].env}=true but ${needs} is not set (or enable per-request backend headers with MLOPS_MCP_HTTP_BACKEND_HEADERS=true).`,
      );
    }
    perRequestBackends.push(name);
    return undefined;
  };
  const mlflowSettings = resolve('mlflow', () => mlflowSettingsFromEnv(env), 'MLFLOW_TRACKING_URI');
  const wandbSettings = resolve(
    'wandb',
    () => wandbSettingsFromEnv(env),
    'WANDB_API_KEY (nor a key from `wandb login` in ~/.netrc)',
  );
  const prefectSettings = resolve(
    'prefect',
    () => prefectSettingsFromEnv(env),
    'PREFECT_API_URL (nor a Prefect profile with one)',
  );

  const readOnly = raw('read-only');
  const transport = raw('transport');
  if (transport && transport.value !== 'stdio' && transport.value !== 'http') {
    throw new ConfigError(`${transport.source} must be stdio or http (got "${transport.value}").`);
  }
  const logLevel = raw('log-level');
  if (logLevel && !(LOG_LEVELS as readonly string[]).includes(logLevel.value)) {
    throw new ConfigError(
      `${logLevel.source} must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel.value}").`,
    );
  }
  const token = env.MLOPS_MCP_HTTP_TOKEN?.trim() || undefined;
  const backendHostsRaw = raw('backend-hosts');
  const backendHosts = list(backendHostsRaw) ?? [];
  for (const pattern of backendHosts) {
    if (!parseHostPattern(pattern)) {
      throw new ConfigError(
        `${backendHostsRaw!.source} takes host, host:port, *.domain or * entries (got "${pattern}").`,
      );
    }
  }
  if (backendHosts.length > 0 && !backendHeaders) {
    throw new ConfigError(
      `${backendHostsRaw!.source} only applies with per-request backend headers (MLOPS_MCP_HTTP_BACKEND_HEADERS=true).`,
    );
  }
  const headersTimeout = raw('headers-timeout-ms');
  const requestTimeout = raw('request-timeout-ms');
  const headersTimeoutMs = integer(headersTimeout, HTTP_TIMEOUT_MS.min, HTTP_TIMEOUT_MS.max);
  const requestTimeoutMs = integer(requestTimeout, HTTP_TIMEOUT_MS.min, HTTP_TIMEOUT_MS.max);
  if (
    (headersTimeoutMs ?? HTTP_DEFAULTS.headersTimeoutMs) >
    (requestTimeoutMs ?? HTTP_DEFAULTS.requestTimeoutMs)
  ) {
    throw new ConfigError(
      `${headersTimeout?.source ?? 'MLOPS_MCP_HTTP_HEADERS_TIMEOUT_MS'} (${headersTimeoutMs ?? HTTP_DEFAULTS.headersTimeoutMs} ms) must not exceed ${requestTimeout?.source ?? 'MLOPS_MCP_HTTP_REQUEST_TIMEOUT_MS'} (${requestTimeoutMs ?? HTTP_DEFAULTS.requestTimeoutMs} ms): the request timeout covers the headers too.`,
    );
  }

  const input = {
    mlflow: mlflowSettings,
    wandb: wandbSettings,
    prefect: prefectSettings,
    readOnly: readOnly ? bool(readOnly) : undefined,
    toolsets: list(raw('toolsets')),
    tools: list(raw('tools')),
    excludeTools: list(raw('exclude-tools')) ?? [],
    transport: parsed.http ? 'http' : transport?.value,
    http: {
      host: raw('host')?.value ?? '127.0.0.1',
      port: integer(raw('port'), 0, 65535) ?? 3333,
      token,
      allowNoAuth: bool(raw('allow-no-auth') ?? { value: 'false', source: '' }),
      allowedHosts: list(raw('allowed-hosts')),
      allowedOrigins: list(raw('allowed-origins')),
      maxBodyBytes: integer(raw('max-body-bytes'), 1024, 64 * 1024 * 1024) ?? 1024 * 1024,
      backendHeaders,
      backendHosts: backendHosts.map((pattern) => pattern.toLowerCase()),
      headersTimeoutMs,
      requestTimeoutMs,
      maxConnections: integer(raw('max-connections'), 1, 100_000),
    },
    perRequestBackends,
    logLevel: logLevel?.value,
    maxResponseTokens: integer(raw('max-response-tokens'), 500, 200_000),
    backendTimeoutMs: integer(
      raw('backend-timeout-ms'),
      BACKEND_TIMEOUT_MS.min,
      BACKEND_TIMEOUT_MS.max,
    ),
    code: {
      timeoutMs: integer(
        raw('code-timeout-ms'),
        CODE_LIMITS.timeoutMs.min,
        CODE_LIMITS.timeoutMs.max,
      ),
      memoryMb: integer(raw('code-memory-mb'), CODE_LIMITS.memoryMb.min, CODE_LIMITS.memoryMb.max),
      maxCalls: integer(raw('code-max-calls'), CODE_LIMITS.maxCalls.min, CODE_LIMITS.maxCalls.max),
    },
  };
  const result = GatewayConfigSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(
      `Invalid configuration at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const config = result.data;
  if (backendHeaders && config.transport !== 'http') {
    throw new ConfigError(
      'MLOPS_MCP_HTTP_BACKEND_HEADERS=true only applies to the HTTP transport (--http).',
    );
  }
  // A backend enabled for per-request headers only needs a URL from each request, unless the
  // backend has a fixed default (W&B's cloud): with no host allowed, it could serve nothing.
  const needsUrl = perRequestBackends.filter((name) => name !== 'wandb');
  if (needsUrl.length > 0 && backendHosts.length === 0) {
    const name = needsUrl[0]!;
    throw new ConfigError(
      `${OPTIONS[name].env}=true without its URL serves only requests that name their own backend URL, and MLOPS_MCP_HTTP_BACKEND_HOSTS allows none: list the hosts requests may name (e.g. mlflow.internal:5000), or set the backend's URL.`,
    );
  }
  if (config.transport === 'http' && !config.http.token && !config.http.allowNoAuth) {
    throw new ConfigError(
      'The HTTP transport needs MLOPS_MCP_HTTP_TOKEN (clients send it as "Authorization: Bearer <token>"); to run without auth on a trusted network set MLOPS_MCP_HTTP_ALLOW_NO_AUTH=true.',
    );
  }
  return { config, skipped };
}

/** Flags parsed strictly: an unknown flag is a ConfigError, not silently ignored. */
function parseFlags(
  argv: readonly string[],
): Partial<Record<OptionName, string>> & { http?: boolean } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { http: { type: 'boolean' } };
  for (const name of Object.keys(OPTIONS)) options[name] = { type: 'string' };
  try {
    const { values } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
    });
    return values as Partial<Record<OptionName, string>> & { http?: boolean };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${message.split('\n')[0]} (see mlops-mcp --help).`);
  }
}

function backendMode(raw: { value: string; source: string } | undefined): BackendMode {
  if (!raw) return 'auto';
  const value = raw.value.toLowerCase();
  if (value === 'true' || value === 'false' || value === 'auto') return value;
  throw new ConfigError(`${raw.source} must be true, false or auto (got "${raw.value}").`);
}

function bool(raw: { value: string; source: string }): boolean {
  const value = raw.value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${raw.source} must be true or false (got "${raw.value}").`);
}

function integer(
  raw: { value: string; source: string } | undefined,
  min: number,
  max: number,
): number | undefined {
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw.value) || Number(raw.value) < min || Number(raw.value) > max) {
    throw new ConfigError(
      `${raw.source} must be a whole number from ${min} to ${max} (got "${raw.value}").`,
    );
  }
  return Number(raw.value);
}

function list(raw: { value: string; source: string } | undefined): string[] | undefined {
  if (!raw) return undefined;
  const items = raw.value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}
