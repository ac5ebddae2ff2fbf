import { describe, expect, it } from 'vitest';
import { gatewayEnv, runBinary } from './binary.js';

describe('start-up with bad configuration', () => {
  it('exits 2 with one readable line naming the variable, and no stack trace', async () => {
    const { code, stderr, stdout } = await runBinary([], gatewayEnv({ MLOPS_MCP_MLFLOW: 'maybe' }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'mlops-mcp: MLOPS_MCP_MLFLOW must be true, false or auto (got "maybe").',
    ]);
  });

  it('exits 2 on a backend timeout out of range, naming the flag and its bounds', async () => {
    const { code, stderr, stdout } = await runBinary(
      ['--backend-timeout-ms', '100'],
      gatewayEnv({ MLFLOW_TRACKING_URI: 'http://127.0.0.1:9' }),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'mlops-mcp: --backend-timeout-ms must be a whole number from 1000 to 600000 (got "100").',
    ]);
  });

  it('exits 2 on an unknown tool name with a suggestion', async () => {
    const { code, stderr } = await runBinary(
      ['--tools', 'mlflow_get_rnu'],
      gatewayEnv({ MLFLOW_TRACKING_URI: 'http://127.0.0.1:9' }),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean mlflow_get_run?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when no backend is configured and says how to configure one', async () => {
    const { code, stderr } = await runBinary([], gatewayEnv({}));
    expect(code).toBe(2);
    expect(stderr).toContain('MLFLOW_TRACKING_URI');
  });

  it('prints its version', async () => {
    const { code, stdout } = await runBinary(['--version'], gatewayEnv({}));
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
