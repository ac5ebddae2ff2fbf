import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pinnedVersion, pythonEnv, pythonLockPath } from '../src/index.js';
import { repoRoot } from '../src/paths.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('pythonEnv', () => {
  it('provides a cached venv with the mlflow and prefect executables', async () => {
    const env = await pythonEnv();
    expect(env.venv).toMatch(/venv-[0-9a-f]{12}$/);
    expect(existsSync(env.bin('mlflow'))).toBe(true);
    expect(existsSync(env.bin('prefect'))).toBe(true);
    expect(existsSync(`${env.venv}/.mlops-mcp-ready`)).toBe(true);
  });

  it('keys the venv by the hash of the lock it was built from', async () => {
    const env = await pythonEnv();
    expect(env.lock).toBe(pythonLockPath());
    const sha = createHash('sha256').update(readFileSync(env.lock)).digest('hex');
    expect(env.venv.endsWith(`venv-${sha.slice(0, 12)}`)).toBe(true);
    expect(readFileSync(`${env.venv}/.mlops-mcp-ready`, 'utf8')).toContain(`lock-sha256=${sha}`);
  });

  it('runs the setup script once per process', async () => {
    expect(pythonEnv()).toBe(pythonEnv());
  });
});

describe('pythonLockPath', () => {
  it('installs python/requirements.lock unless MLOPS_MCP_PYTHON_LOCK names another', () => {
    vi.stubEnv('MLOPS_MCP_PYTHON_LOCK', '');
    expect(pythonLockPath()).toBe(join(repoRoot(), 'python', 'requirements.lock'));
  });

  it('takes a relative MLOPS_MCP_PYTHON_LOCK from the repository root', () => {
    vi.stubEnv('MLOPS_MCP_PYTHON_LOCK', 'python/requirements-oldest.lock');
    expect(pythonLockPath()).toBe(join(repoRoot(), 'python', 'requirements-oldest.lock'));
  });
});

describe('pinnedVersion', () => {
  it('reads the version a distribution is pinned to in the lock in use', () => {
    vi.stubEnv('MLOPS_MCP_PYTHON_LOCK', 'python/requirements-oldest.lock');
    expect(pinnedVersion('mlflow')).toBe('3.17.2');
    expect(pinnedVersion('prefect')).toBe('3.8.8');
    expect(pinnedVersion('mlflow-skinny')).toBe('3.17.2');
  });

  it('names the lock when the distribution is not pinned in it', () => {
    vi.stubEnv('MLOPS_MCP_PYTHON_LOCK', 'python/requirements-oldest.lock');
    expect(() => pinnedVersion('no-such-dist')).toThrow(
      /no-such-dist is not pinned in .*requirements-oldest\.lock/,
    );
  });
});
