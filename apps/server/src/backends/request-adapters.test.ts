import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@mlops-mcp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayConfig, GatewayConfigSchema } from '../config/gateway-config.js';
import type { AdapterDeps } from './backend-info.js';
import { BACKENDS } from './catalog.js';
import {
  BackendHeaderError,
  requestAdapters as buildAdapters,
  type HeaderSource,
} from './request-adapters.js';

const FACTORIES = new Map(BACKENDS.map((backend) => [backend.namespace, backend.create]));
/** The adapters of one request, with every backend's factory at hand. */
const requestAdapters = (
  headers: HeaderSource,
  config: GatewayConfig,
  deps: AdapterDeps,
): ReturnType<typeof buildAdapters> => buildAdapters(headers, config, deps, FACTORIES);

const deps = { logger: silentLogger };
/** A gateway config whose per-request backend URLs may name these hosts. */
const allowing = (...backendHosts: string[]) =>
  GatewayConfigSchema.parse({ http: { backendHeaders: true, backendHosts } });
const headers = (values: Record<string, string>) => new Headers(values);
let home: string;
let savedHome: string | undefined;

beforeAll(() => {
  // A gateway host with a Prefect profile and a W&B netrc: request-built settings must ignore both.
  home = mkdtempSync(join(tmpdir(), 'mlops-mcp-host-home-'));
  mkdirSync(join(home, '.prefect'));
  writeFileSync(
    join(home, '.prefect', 'profiles.toml'),
    'active = "host"\n[profiles.host]\nPREFECT_API_URL = "http://host-profile.invalid/api"\nPREFECT_API_KEY = "pnu_hostprofilekey"\n',
  );
  writeFileSync(
    join(home, '.netrc'),
    'machine api.wandb.ai login user password host-netrc-key-123456\n',
  );
  savedHome = process.env.HOME;
  process.env.HOME = home;
});

afterAll(() => {
  process.env.HOME = savedHome;
  rmSync(home, { recursive: true, force: true });
});

describe('per-request backend adapters', () => {
  it('builds a Prefect adapter from X-Prefect-Api-Url and X-Prefect-Api-Key', () => {
    const adapters = requestAdapters(
      headers({
        'x-prefect-api-url': 'http://127.0.0.1:4200/api',
        'x-prefect-api-key': 'pnu_requestkey000',
      }),
      allowing('127.0.0.1:4200'),
      deps,
    );
    expect(adapters.get('prefect')?.baseUrl).toBe('http://127.0.0.1:4200/api');
  });

  it('never falls back to the host Prefect profile for a request that sent only a key', () => {
    const adapters = requestAdapters(
      headers({ 'x-prefect-api-key': 'pnu_requestkey000' }),
      GatewayConfigSchema.parse({}),
      deps,
    );
    expect(adapters.has('prefect')).toBe(false);
  });

  it('uses the configured Prefect URL with the credentials a request sent', () => {
    const config = GatewayConfigSchema.parse({
      prefect: { apiUrl: 'http://prefect.internal/api', apiKey: 'pnu_configured00', source: 'env' },
    });
    const adapters = requestAdapters(
      headers({ 'x-prefect-api-key': 'pnu_requestkey000' }),
      config,
      deps,
    );
    expect(adapters.get('prefect')?.baseUrl).toBe('http://prefect.internal/api');
  });

  it('builds a W&B adapter from X-Wandb-Api-Key and never reads the host netrc', () => {
    const config = allowing('wandb.local');
    expect(requestAdapters(headers({ 'x-wandb-entity': 'acme' }), config, deps).has('wandb')).toBe(
      false,
    );
    const adapters = requestAdapters(
      headers({
        'x-wandb-api-key': 'request-wandb-key-1234',
        'x-wandb-base-url': 'http://wandb.local',
      }),
      config,
      deps,
    );
    expect(adapters.get('wandb')?.baseUrl).toBe('http://wandb.local');
  });

  const refusal = (values: Record<string, string>, config = allowing('mlflow.internal:5000')) => {
    try {
      requestAdapters(headers(values), config, deps);
    } catch (error) {
      expect(error).toBeInstanceOf(BackendHeaderError);
      return error as BackendHeaderError;
    }
    throw new Error('expected a BackendHeaderError');
  };

  it.each([
    ['file:///etc/passwd', 'a "file:" URL'],
    ['ftp://mlflow.internal:5000', 'a "ftp:" URL'],
    ['mlflow.internal:5000', 'a "mlflow.internal:" URL'],
    ['not a url', 'a value that is not a URL'],
  ])(
    'answers X-MLflow-Tracking-Uri %j with a 400 naming the header, not the variable',
    (uri, got) => {
      const error = refusal({ 'x-mlflow-tracking-uri': uri });
      expect(error.httpStatus).toBe(400);
      expect(error.message).toBe(`X-MLflow-Tracking-Uri must be an http(s) URL (got ${got}).`);
    },
  );

  it('refuses a URL outside the allow-list with a 403 naming the host and the setting', () => {
    const error = refusal({ 'x-mlflow-tracking-uri': 'http://10.0.0.7:22' });
    expect(error.httpStatus).toBe(403);
    expect(error.message).toBe(
      'X-MLflow-Tracking-Uri names 10.0.0.7:22, which is not in MLOPS_MCP_HTTP_BACKEND_HOSTS.',
    );
    expect(error.hint).toContain('--backend-hosts');
  });

  it('refuses every request-named URL when no host is allowed', () => {
    const error = refusal({ 'x-wandb-base-url': 'https://wandb.corp' }, allowing());
    expect(error.httpStatus).toBe(403);
    expect(error.message).toContain('X-Wandb-Base-Url');
    expect(error.message).toContain('MLOPS_MCP_HTTP_BACKEND_HOSTS is empty');
  });

  it('allows an allowed host on the port the pattern names only', () => {
    const config = allowing('mlflow.internal:5000');
    const uri = (value: string) => headers({ 'x-mlflow-tracking-uri': value });
    expect(requestAdapters(uri('http://MLFLOW.internal:5000/'), config, deps).has('mlflow')).toBe(
      true,
    );
    expect(refusal({ 'x-mlflow-tracking-uri': 'http://mlflow.internal:5001' }).httpStatus).toBe(
      403,
    );
    expect(refusal({ 'x-mlflow-tracking-uri': 'http://mlflow.internal' }).httpStatus).toBe(403);
  });

  it('allows subdomains for *.domain and any port for a bare host', () => {
    const config = allowing('*.corp', 'prefect.local');
    const adapters = requestAdapters(
      headers({
        'x-mlflow-tracking-uri': 'https://mlflow.team.corp',
        'x-prefect-api-url': 'http://prefect.local:4200/api',
      }),
      config,
      deps,
    );
    expect([...adapters.keys()].sort()).toEqual(['mlflow', 'prefect']);
    expect(refusal({ 'x-mlflow-tracking-uri': 'https://corp' }, config).httpStatus).toBe(403);
    expect(refusal({ 'x-mlflow-tracking-uri': 'https://evilcorp' }, config).httpStatus).toBe(403);
  });

  it('builds nothing for a request without backend headers', () => {
    expect(
      requestAdapters(headers({ authorization: 'Bearer x' }), GatewayConfigSchema.parse({}), deps)
        .size,
    ).toBe(0);
  });
});
