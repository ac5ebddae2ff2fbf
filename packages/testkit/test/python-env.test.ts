import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pythonEnv } from '../src/index.js';

describe('pythonEnv', () => {
  it('provides a cached venv with the mlflow and prefect executables', async () => {
    const env = await pythonEnv();
    expect(env.venv).toMatch(/venv-[0-9a-f]{12}$/);
    expect(existsSync(env.bin('mlflow'))).toBe(true);
    expect(existsSync(env.bin('prefect'))).toBe(true);
    expect(existsSync(`${env.venv}/.mlops-mcp-ready`)).toBe(true);
  });

  it('runs the setup script once per process', async () => {
    expect(pythonEnv()).toBe(pythonEnv());
  });
});
