import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, secrets } from '@mlops-mcp/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prefectSettingsFromEnv } from './settings.js';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'prefect-settings-'));
});

afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

/** Writes a profiles.toml under `dir` (default ~/.prefect) and returns its path. */
function writeProfiles(toml: string, dir = path.join(home, '.prefect')): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'profiles.toml');
  fs.writeFileSync(file, toml);
  return file;
}

const TWO_PROFILES = `
active = "cloud"

[profiles.local]
PREFECT_API_URL = "http://127.0.0.1:4200/api"

[profiles.cloud]
PREFECT_API_URL = "https://api.prefect.cloud/api/accounts/a1/workspaces/w1/"
PREFECT_API_KEY = "pnu_profilekey0000000000000000000000"
`;

describe('prefectSettingsFromEnv', () => {
  it('returns undefined when neither the environment nor a profile sets an API URL', () => {
    expect(prefectSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('reads the API URL and key from the environment alone', () => {
    const settings = prefectSettingsFromEnv(
      {
        PREFECT_API_URL: 'https://api.prefect.cloud/api/accounts/a1/workspaces/w1/',
        PREFECT_API_KEY: 'pnu_envkey000000000000000000000000000',
      },
      { homeDir: home },
    );
    expect(settings).toEqual({
      apiUrl: 'https://api.prefect.cloud/api/accounts/a1/workspaces/w1',
      apiKey: 'pnu_envkey000000000000000000000000000',
      source: 'env',
    });
  });

  it('reads PREFECT_API_AUTH_STRING for a self-hosted server', () => {
    const settings = prefectSettingsFromEnv(
      { PREFECT_API_URL: 'http://prefect.internal:4200/api', PREFECT_API_AUTH_STRING: 'admin:pw1' },
      { homeDir: home },
    );
    expect(settings?.authString).toBe('admin:pw1');
  });

  it('ignores profiles when PREFECT_API_URL is in the environment', () => {
    writeProfiles(TWO_PROFILES);
    const settings = prefectSettingsFromEnv(
      { PREFECT_API_URL: 'http://127.0.0.1:4200/api' },
      { homeDir: home },
    );
    expect(settings).toEqual({ apiUrl: 'http://127.0.0.1:4200/api', source: 'env' });
  });

  it('falls back to the active profile in ~/.prefect/profiles.toml', () => {
    writeProfiles(TWO_PROFILES);
    expect(prefectSettingsFromEnv({}, { homeDir: home })).toEqual({
      apiUrl: 'https://api.prefect.cloud/api/accounts/a1/workspaces/w1',
      apiKey: 'pnu_profilekey0000000000000000000000',
      source: 'profile',
      profile: 'cloud',
    });
  });

  it('never reads a profile when told not to (settings built from request headers)', () => {
    writeProfiles(TWO_PROFILES);
    expect(
      prefectSettingsFromEnv(
        { PREFECT_API_KEY: 'pnu_header0000' },
        { homeDir: home, useProfile: false },
      ),
    ).toBeUndefined();
  });

  it('uses the profile PREFECT_PROFILE names instead of the active one', () => {
    writeProfiles(TWO_PROFILES);
    const settings = prefectSettingsFromEnv({ PREFECT_PROFILE: 'local' }, { homeDir: home });
    expect(settings).toEqual({
      apiUrl: 'http://127.0.0.1:4200/api',
      source: 'profile',
      profile: 'local',
    });
  });

  it('prefers the environment API key over the profile key', () => {
    writeProfiles(TWO_PROFILES);
    const settings = prefectSettingsFromEnv(
      { PREFECT_API_KEY: 'pnu_envwins00000000000000000000000000' },
      { homeDir: home },
    );
    expect(settings?.apiKey).toBe('pnu_envwins00000000000000000000000000');
  });

  it('prefers the environment auth string over the profile auth string', () => {
    writeProfiles(
      'active = "self"\n[profiles.self]\nPREFECT_API_URL = "http://p:4200/api"\nPREFECT_API_AUTH_STRING = "admin:fromfile"\n',
    );
    const settings = prefectSettingsFromEnv(
      { PREFECT_API_AUTH_STRING: 'admin:fromenv' },
      { homeDir: home },
    );
    expect(settings?.authString).toBe('admin:fromenv');
  });

  it('reads profiles.toml from $PREFECT_HOME', () => {
    const prefectHome = path.join(home, 'custom-prefect-home');
    writeProfiles(TWO_PROFILES, prefectHome);
    const settings = prefectSettingsFromEnv({ PREFECT_HOME: prefectHome }, { homeDir: home });
    expect(settings?.profile).toBe('cloud');
  });

  it('reads the file $PREFECT_PROFILES_PATH names, over $PREFECT_HOME', () => {
    writeProfiles(TWO_PROFILES, path.join(home, 'from-home'));
    const file = path.join(home, 'elsewhere.toml');
    fs.writeFileSync(file, 'active = "x"\n[profiles.x]\nPREFECT_API_URL = "http://x:4200/api"\n');
    const settings = prefectSettingsFromEnv(
      { PREFECT_PROFILES_PATH: file, PREFECT_HOME: path.join(home, 'from-home') },
      { homeDir: home },
    );
    expect(settings).toMatchObject({ apiUrl: 'http://x:4200/api', profile: 'x' });
  });

  it('reads profile names that contain dots and quotes', () => {
    writeProfiles(
      'active = \'team.prod "eu"\'\n[profiles.\'team.prod "eu"\']\nPREFECT_API_URL = "https://eu.example/api"\n',
    );
    const settings = prefectSettingsFromEnv({}, { homeDir: home });
    expect(settings).toMatchObject({ apiUrl: 'https://eu.example/api', profile: 'team.prod "eu"' });
  });

  it('returns undefined when the active profile has no API URL', () => {
    writeProfiles(
      'active = "ephemeral"\n[profiles.ephemeral]\nPREFECT_SERVER_EPHEMERAL_ENABLED = "true"\n',
    );
    expect(prefectSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('returns undefined when the profiles file names no active profile', () => {
    writeProfiles('[profiles.local]\nPREFECT_API_URL = "http://127.0.0.1:4200/api"\n');
    expect(prefectSettingsFromEnv({}, { homeDir: home })).toBeUndefined();
  });

  it('rejects a PREFECT_PROFILE that is not in the profiles file, naming the file', () => {
    const file = writeProfiles(TWO_PROFILES);
    expect(() => prefectSettingsFromEnv({ PREFECT_PROFILE: 'nope' }, { homeDir: home })).toThrow(
      `Prefect profile "nope" (chosen by PREFECT_PROFILE) is not defined in ${file}`,
    );
  });

  it('rejects a malformed profiles.toml with a one-line ConfigError naming the file', () => {
    const file = writeProfiles(
      'active = "cloud"\n[profiles.cloud\nPREFECT_API_KEY = "pnu_leak0000000000000000000000000000"\n',
    );
    let caught: unknown;
    try {
      prefectSettingsFromEnv({}, { homeDir: home });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message).toContain(file);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('pnu_leak');
  });

  it('rejects a non-http PREFECT_API_URL in the environment, naming the variable', () => {
    expect(() =>
      prefectSettingsFromEnv({ PREFECT_API_URL: 'ftp://prefect.internal/api' }, { homeDir: home }),
    ).toThrow(/^PREFECT_API_URL must be an http\(s\) URL of a Prefect API \(got a "ftp:" URL\)/);
  });

  it('rejects a non-http PREFECT_API_URL in a profile, naming the profile and file', () => {
    const file = writeProfiles(
      'active = "bad"\n[profiles.bad]\nPREFECT_API_URL = "127.0.0.1:4200"\n',
    );
    expect(() => prefectSettingsFromEnv({}, { homeDir: home })).toThrow(
      `PREFECT_API_URL in Prefect profile "bad" of ${file} must be an http(s) URL`,
    );
  });

  it('registers the API key and auth string for redaction', () => {
    const key = 'pnu_redactme000000000000000000000000';
    prefectSettingsFromEnv(
      {
        PREFECT_API_URL: 'http://127.0.0.1:4200/api',
        PREFECT_API_KEY: key,
        PREFECT_API_AUTH_STRING: 'admin:s3cr3t-pw',
      },
      { homeDir: home },
    );
    expect(secrets.redact(`raw ${key}`)).not.toContain(key);
    expect(secrets.redact('raw admin:s3cr3t-pw')).not.toContain('s3cr3t-pw');
  });
});
