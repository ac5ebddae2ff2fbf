import { DEFAULT_TIMEOUTS } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

const MLFLOW = { MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000' };

function configError(argv: string[], env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(argv, env);
  } catch (error) {
    expect((error as { kind?: string }).kind).toBe('config');
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('enables MLflow automatically when MLFLOW_TRACKING_URI is set', () => {
    expect(loadConfig([], MLFLOW).config.mlflow?.trackingUri).toBe('http://127.0.0.1:5000');
  });

  it('leaves MLflow off in auto mode without a tracking URI and says why', () => {
    const { config, skipped } = loadConfig([], {});
    expect(config.mlflow).toBeUndefined();
    expect(skipped).toContain('mlflow (MLFLOW_TRACKING_URI not set)');
  });

  it('turns MLflow off with MLOPS_MCP_MLFLOW=false even when its URI is set', () => {
    expect(loadConfig([], { ...MLFLOW, MLOPS_MCP_MLFLOW: 'false' }).config.mlflow).toBeUndefined();
  });

  it('enables Prefect automatically when PREFECT_API_URL is set', () => {
    const { config } = loadConfig([], { PREFECT_API_URL: 'http://127.0.0.1:4200/api/' });
    expect(config.prefect).toMatchObject({ apiUrl: 'http://127.0.0.1:4200/api', source: 'env' });
  });

  it('enables a backend for per-request headers only when its settings are absent and headers are on', () => {
    const { config } = loadConfig(
      ['--http', '--allow-no-auth', 'true', '--backend-headers', 'true'],
      {
        MLOPS_MCP_PREFECT: 'true',
        PREFECT_PROFILES_PATH: '/nonexistent/profiles.toml',
        MLOPS_MCP_HTTP_BACKEND_HOSTS: 'prefect.internal:4200',
      },
    );
    expect(config.prefect).toBeUndefined();
    expect(config.perRequestBackends).toEqual(['prefect']);
  });

  it('allows no per-request backend host by default', () => {
    const { config } = loadConfig(['--http', '--backend-headers', 'true'], {
      ...MLFLOW,
      MLOPS_MCP_HTTP_TOKEN: 'tok-123456',
    });
    expect(config.http.backendHosts).toEqual([]);
  });

  it('reads the per-request backend hosts, lower-cased', () => {
    const { config } = loadConfig(
      ['--http', '--backend-headers', 'true', '--backend-hosts', 'MLflow.Internal:5000, *.corp'],
      { ...MLFLOW, MLOPS_MCP_HTTP_TOKEN: 'tok-123456' },
    );
    expect(config.http.backendHosts).toEqual(['mlflow.internal:5000', '*.corp']);
  });

  it('has request-side HTTP limits by default', () => {
    const { config } = loadConfig([], MLFLOW);
    expect(config.http).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 512,
    });
  });

  it('reads the request-side HTTP limits from flags and variables', () => {
    const { config } = loadConfig(['--headers-timeout-ms', '2000', '--max-connections', '64'], {
      ...MLFLOW,
      MLOPS_MCP_HTTP_REQUEST_TIMEOUT_MS: '5000',
    });
    expect(config.http).toMatchObject({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 5000,
      maxConnections: 64,
    });
  });

  it('enables W&B automatically when WANDB_API_KEY is set', () => {
    const { config } = loadConfig([], { WANDB_API_KEY: 'k-123456789', WANDB_ENTITY: 'acme' });
    expect(config.wandb).toMatchObject({
      baseUrl: 'https://api.wandb.ai',
      entity: 'acme',
      apiKeySource: 'env',
    });
  });

  it('is read-only by default', () => {
    expect(loadConfig([], MLFLOW).config.readOnly).toBe(true);
  });

  it('lets a flag win over its environment variable', () => {
    const { config } = loadConfig(['--read-only', 'false'], {
      ...MLFLOW,
      MLOPS_MCP_READ_ONLY: 'true',
    });
    expect(config.readOnly).toBe(false);
  });

  it('reads the backend timeout from MLOPS_MCP_BACKEND_TIMEOUT_MS', () => {
    const { config } = loadConfig([], { ...MLFLOW, MLOPS_MCP_BACKEND_TIMEOUT_MS: '1500' });
    expect(config.backendTimeoutMs).toBe(1500);
  });

  it('reads the backend timeout from --backend-timeout-ms', () => {
    expect(loadConfig(['--backend-timeout-ms', '120000'], MLFLOW).config.backendTimeoutMs).toBe(
      120_000,
    );
  });

  it('lets --backend-timeout-ms win over MLOPS_MCP_BACKEND_TIMEOUT_MS', () => {
    const { config } = loadConfig(['--backend-timeout-ms', '5000'], {
      ...MLFLOW,
      MLOPS_MCP_BACKEND_TIMEOUT_MS: '1500',
    });
    expect(config.backendTimeoutMs).toBe(5000);
  });

  it('reads the code-mode limits from MLOPS_MCP_CODE_* and their flags, a flag winning', () => {
    const { config } = loadConfig(['--code-max-calls', '7'], {
      ...MLFLOW,
      MLOPS_MCP_CODE_TIMEOUT_MS: '5000',
      MLOPS_MCP_CODE_MEMORY_MB: '16',
      MLOPS_MCP_CODE_MAX_CALLS: '200',
    });
    expect(config.code).toEqual({ timeoutMs: 5000, memoryMb: 16, maxCalls: 7 });
  });

  it('keeps safe code-mode limits when none are set', () => {
    expect(loadConfig([], MLFLOW).config.code).toEqual({
      timeoutMs: 30_000,
      memoryMb: 64,
      maxCalls: 50,
    });
  });

  it('refuses a code-mode memory cap outside its bounds, naming the variable', () => {
    expect(() => loadConfig([], { ...MLFLOW, MLOPS_MCP_CODE_MEMORY_MB: '4096' })).toThrow(
      'MLOPS_MCP_CODE_MEMORY_MB must be a whole number from 8 to 1024 (got "4096")',
    );
  });

  it("keeps core's 60 s backend deadline when the backend timeout is not set", () => {
    expect(loadConfig([], MLFLOW).config.backendTimeoutMs).toBe(DEFAULT_TIMEOUTS.totalMs);
  });

  it('splits comma-separated lists and trims them', () => {
    const { config } = loadConfig([], {
      ...MLFLOW,
      MLOPS_MCP_TOOLS: ' mlflow_get_run , mlflow_search_runs,',
    });
    expect(config.tools).toEqual(['mlflow_get_run', 'mlflow_search_runs']);
  });

  it('reads the HTTP transport settings', () => {
    const { config } = loadConfig(['--http', '--port', '0'], {
      ...MLFLOW,
      MLOPS_MCP_HTTP_TOKEN: 'tok-123456',
    });
    expect(config.transport).toBe('http');
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 0, token: 'tok-123456' });
  });

  it.each([
    [[], { MLOPS_MCP_MLFLOW: 'yes' }, 'MLOPS_MCP_MLFLOW must be true, false or auto (got "yes")'],
    [[], { MLOPS_MCP_MLFLOW: 'true' }, 'MLOPS_MCP_MLFLOW=true but MLFLOW_TRACKING_URI is not set'],
    [
      [],
      { MLOPS_MCP_PREFECT: 'true', PREFECT_PROFILES_PATH: '/nonexistent/profiles.toml' },
      'MLOPS_MCP_PREFECT=true but PREFECT_API_URL',
    ],
    [[], { PREFECT_API_URL: 'ftp://prefect.local/api' }, 'PREFECT_API_URL'],
    [
      [],
      { MLOPS_MCP_WANDB: 'true', NETRC: '/nonexistent/netrc' },
      'MLOPS_MCP_WANDB=true but WANDB_API_KEY',
    ],
    [[], { WANDB_API_KEY: 'k-123456789', WANDB_BASE_URL: 'wandb.internal' }, 'WANDB_BASE_URL'],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_READ_ONLY: 'maybe' },
      'MLOPS_MCP_READ_ONLY must be true or false (got "maybe")',
    ],
    [['--read-only', 'nah'], MLFLOW, '--read-only must be true or false (got "nah")'],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_TRANSPORT: 'grpc' },
      'MLOPS_MCP_TRANSPORT must be stdio or http (got "grpc")',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_HTTP_PORT: '70000' },
      'MLOPS_MCP_HTTP_PORT must be a whole number from 0 to 65535',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_HTTP_PORT: 'eighty' },
      'MLOPS_MCP_HTTP_PORT must be a whole number',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_LOG_LEVEL: 'loud' },
      'MLOPS_MCP_LOG_LEVEL must be one of fatal, error, warn, info',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_MAX_RESPONSE_TOKENS: '10' },
      'MLOPS_MCP_MAX_RESPONSE_TOKENS must be a whole number from 500',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_BACKEND_TIMEOUT_MS: '999' },
      'MLOPS_MCP_BACKEND_TIMEOUT_MS must be a whole number from 1000 to 600000 (got "999")',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_BACKEND_TIMEOUT_MS: '30s' },
      'MLOPS_MCP_BACKEND_TIMEOUT_MS must be a whole number from 1000 to 600000 (got "30s")',
    ],
    [
      ['--backend-timeout-ms', '600001'],
      MLFLOW,
      '--backend-timeout-ms must be a whole number from 1000 to 600000 (got "600001")',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_HTTP_MAX_BODY_BYTES: '-1' },
      'MLOPS_MCP_HTTP_MAX_BODY_BYTES must be a whole number',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_HTTP_ALLOW_NO_AUTH: 'perhaps' },
      'MLOPS_MCP_HTTP_ALLOW_NO_AUTH must be true or false',
    ],
    [
      [],
      { MLFLOW_TRACKING_URI: 'file:///tmp/mlruns' },
      'MLFLOW_TRACKING_URI must be an http(s) URL',
    ],
    [['--http'], MLFLOW, 'The HTTP transport needs MLOPS_MCP_HTTP_TOKEN'],
    [
      ['--http', '--allow-no-auth', 'true', '--backend-headers', 'true'],
      { MLOPS_MCP_MLFLOW: 'true' },
      'MLOPS_MCP_MLFLOW=true without its URL serves only requests that name their own backend URL, and MLOPS_MCP_HTTP_BACKEND_HOSTS allows none',
    ],
    [
      ['--http', '--allow-no-auth', 'true', '--backend-headers', 'true'],
      { ...MLFLOW, MLOPS_MCP_HTTP_BACKEND_HOSTS: 'http://mlflow.internal' },
      'MLOPS_MCP_HTTP_BACKEND_HOSTS takes host, host:port, *.domain or * entries (got "http://mlflow.internal")',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_HTTP_BACKEND_HOSTS: 'mlflow.internal' },
      'MLOPS_MCP_HTTP_BACKEND_HOSTS only applies with per-request backend headers',
    ],
    [
      ['--headers-timeout-ms', '40000'],
      MLFLOW,
      '--headers-timeout-ms (40000 ms) must not exceed MLOPS_MCP_HTTP_REQUEST_TIMEOUT_MS (30000 ms)',
    ],
    [
      [],
      { ...MLFLOW, MLOPS_MCP_HTTP_MAX_CONNECTIONS: '0' },
      'MLOPS_MCP_HTTP_MAX_CONNECTIONS must be a whole number from 1',
    ],
    [['--bogus'], MLFLOW, "Unknown option '--bogus'"],
    [['stray'], MLFLOW, "Unexpected argument 'stray'"],
  ] as const)('rejects %j %j with a message naming the setting', (argv, env, expected) => {
    const message = configError([...argv], env);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('allows HTTP without a token only when explicitly told to', () => {
    const { config } = loadConfig(['--http'], { ...MLFLOW, MLOPS_MCP_HTTP_ALLOW_NO_AUTH: 'true' });
    expect(config.http.allowNoAuth).toBe(true);
  });
});
