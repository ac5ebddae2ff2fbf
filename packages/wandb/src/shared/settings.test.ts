import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, secrets } from '@mlops-mcp/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wandbSettingsFromEnv } from './settings.js';

const ENV_KEY = 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0';
const NETRC_KEY = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'wandb-settings-'));
});

afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

/** Writes an entry the way `wandb login` does (wbnetrc.py `_update_netrc`). */
function writeNetrc(file: string, machine: string, key: string): void {
  fs.writeFileSync(file, `machine ${machine}\n  login user\n  password ${key}\n`, { mode: 0o600 });
}

describe('wandbSettingsFromEnv', () => {
  it('returns undefined when neither WANDB_API_KEY nor a netrc entry exists', () => {
    expect(wandbSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('uses WANDB_API_KEY with the public cloud defaults', () => {
    expect(wandbSettingsFromEnv({ WANDB_API_KEY: ENV_KEY }, { homeDir: home })).toEqual({
      apiKey: ENV_KEY,
      baseUrl: 'https://api.wandb.ai',
      graphqlUrl: 'https://api.wandb.ai/graphql',
      traceServerUrl: 'https://trace.wandb.ai',
      apiKeySource: 'env',
    });
  });

  it('prefers WANDB_API_KEY over the netrc entry', () => {
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', NETRC_KEY);
    const settings = wandbSettingsFromEnv({ WANDB_API_KEY: ENV_KEY }, { homeDir: home });
    expect(settings).toMatchObject({ apiKey: ENV_KEY, apiKeySource: 'env' });
  });

  it('reads the key wandb login stored in ~/.netrc', () => {
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', NETRC_KEY);
    const settings = wandbSettingsFromEnv({}, { homeDir: home });
    expect(settings).toMatchObject({ apiKey: NETRC_KEY, apiKeySource: 'netrc' });
  });

  it('never reads ~/.netrc when told not to (settings built from request headers)', () => {
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', NETRC_KEY);
    expect(wandbSettingsFromEnv({}, { homeDir: home, useNetrc: false })).toBeUndefined();
  });

  it('looks up the netrc entry for the host of a custom WANDB_BASE_URL', () => {
    const netrc = path.join(home, '.netrc');
    fs.writeFileSync(
      netrc,
      `machine api.wandb.ai login user password ${ENV_KEY}\n` +
        `machine wandb.acme.internal:8443 login user password ${NETRC_KEY}\n`,
    );
    const settings = wandbSettingsFromEnv(
      { WANDB_BASE_URL: 'https://wandb.acme.internal:8443' },
      { homeDir: home },
    );
    expect(settings?.apiKey).toBe(NETRC_KEY);
  });

  it('finds no key when the netrc only has an entry for another host', () => {
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', NETRC_KEY);
    const settings = wandbSettingsFromEnv(
      { WANDB_BASE_URL: 'https://wandb.acme.internal' },
      { homeDir: home },
    );
    expect(settings).toBeUndefined();
  });

  it('reads the netrc named by $NETRC instead of ~/.netrc', () => {
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', ENV_KEY);
    const custom = path.join(home, 'elsewhere.netrc');
    writeNetrc(custom, 'api.wandb.ai', NETRC_KEY);
    const settings = wandbSettingsFromEnv({ NETRC: custom }, { homeDir: home });
    expect(settings?.apiKey).toBe(NETRC_KEY);
  });

  it('expands ~ in $NETRC against the home directory', () => {
    writeNetrc(path.join(home, 'my.netrc'), 'api.wandb.ai', NETRC_KEY);
    const settings = wandbSettingsFromEnv({ NETRC: '~/my.netrc' }, { homeDir: home });
    expect(settings?.apiKey).toBe(NETRC_KEY);
  });

  it('does not fall back to ~/.netrc when $NETRC names a missing file', () => {
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', NETRC_KEY);
    const settings = wandbSettingsFromEnv(
      { NETRC: path.join(home, 'missing.netrc') },
      { homeDir: home },
    );
    expect(settings).toBeUndefined();
  });

  it('reads ~/_netrc when there is no ~/.netrc', () => {
    writeNetrc(path.join(home, '_netrc'), 'api.wandb.ai', NETRC_KEY);
    expect(wandbSettingsFromEnv({}, { homeDir: home })?.apiKey).toBe(NETRC_KEY);
  });

  it('treats a malformed netrc as holding no key', () => {
    fs.writeFileSync(path.join(home, '.netrc'), `machine api.wandb.ai bogus ${NETRC_KEY}\n`);
    expect(wandbSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('treats a netrc entry without a password as no key', () => {
    fs.writeFileSync(path.join(home, '.netrc'), 'machine api.wandb.ai login user\n');
    expect(wandbSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('treats an unreadable netrc path as holding no key', () => {
    fs.mkdirSync(path.join(home, '.netrc'));
    expect(wandbSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('trims trailing slashes from WANDB_BASE_URL', () => {
    const settings = wandbSettingsFromEnv(
      { WANDB_API_KEY: ENV_KEY, WANDB_BASE_URL: 'https://wandb.acme.internal//' },
      { homeDir: home },
    );
    expect(settings?.baseUrl).toBe('https://wandb.acme.internal');
    expect(settings?.graphqlUrl).toBe('https://wandb.acme.internal/graphql');
  });

  it('derives the trace server at /traces for a dedicated or self-managed base URL', () => {
    const settings = wandbSettingsFromEnv(
      { WANDB_API_KEY: ENV_KEY, WANDB_BASE_URL: 'http://localhost:8080/' },
      { homeDir: home },
    );
    expect(settings?.traceServerUrl).toBe('http://localhost:8080/traces');
  });

  it('uses WF_TRACE_SERVER_URL when it is set', () => {
    const settings = wandbSettingsFromEnv(
      {
        WANDB_API_KEY: ENV_KEY,
        WANDB_BASE_URL: 'https://wandb.acme.internal',
        WF_TRACE_SERVER_URL: 'https://weave.acme.internal/',
      },
      { homeDir: home },
    );
    expect(settings?.traceServerUrl).toBe('https://weave.acme.internal');
  });

  it('rejects a WF_TRACE_SERVER_URL that is not http(s), naming the variable', () => {
    const env = { WANDB_API_KEY: ENV_KEY, WF_TRACE_SERVER_URL: 'trace.wandb.ai' };
    expect(() => wandbSettingsFromEnv(env, { homeDir: home })).toThrow(/^WF_TRACE_SERVER_URL/);
  });

  it('rejects a WANDB_BASE_URL that is not http(s) with a ConfigError naming the variable', () => {
    const env = { WANDB_API_KEY: ENV_KEY, WANDB_BASE_URL: 'ftp://wandb.acme.internal' };
    expect(() => wandbSettingsFromEnv(env, { homeDir: home })).toThrow(ConfigError);
    expect(() => wandbSettingsFromEnv(env, { homeDir: home })).toThrow(
      'WANDB_BASE_URL must be an http(s) URL (got a "ftp:" URL), e.g. https://api.wandb.ai.',
    );
  });

  it('keeps credentials in a bad WANDB_BASE_URL out of the error message', () => {
    const env = { WANDB_BASE_URL: `ftp://user:${ENV_KEY}@wandb.acme.internal` };
    expect(() => wandbSettingsFromEnv(env, { homeDir: home })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(ENV_KEY) }),
    );
  });

  it('reads WANDB_ENTITY and WANDB_PROJECT', () => {
    const settings = wandbSettingsFromEnv(
      { WANDB_API_KEY: ENV_KEY, WANDB_ENTITY: 'acme', WANDB_PROJECT: 'churn' },
      { homeDir: home },
    );
    expect(settings).toMatchObject({ entity: 'acme', project: 'churn' });
  });

  it('registers a key from the environment for redaction', () => {
    const key = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
    wandbSettingsFromEnv({ WANDB_API_KEY: key }, { homeDir: home });
    expect(secrets.redact(`key=${key}; raw ${key}`)).not.toContain(key);
  });

  it('registers a key from netrc for redaction', () => {
    const key = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
    writeNetrc(path.join(home, '.netrc'), 'api.wandb.ai', key);
    wandbSettingsFromEnv({}, { homeDir: home });
    expect(secrets.redact(`raw ${key}`)).not.toContain(key);
  });
});
