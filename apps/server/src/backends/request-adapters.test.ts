import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@mlops-mcp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../config/gateway-config.js';
import { requestAdapters } from './request-adapters.js';

const deps = { logger: silentLogger };
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
      GatewayConfigSchema.parse({}),
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
    const config = GatewayConfigSchema.parse({});
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

  it('builds nothing for a request without backend headers', () => {
    expect(
      requestAdapters(headers({ authorization: 'Bearer x' }), GatewayConfigSchema.parse({}), deps)
        .size,
    ).toBe(0);
  });
});
