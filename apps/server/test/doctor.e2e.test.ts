import { freePort, type RunningServer, startMlflow } from '@mlops-mcp/testkit';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnv, runBinary } from './binary.js';

const ADMIN = { username: 'admin', password: 'doctor-admin-pw-4821' };
// A plain server (the run's shared one), and an auth-secured server of this file's own: only a
// server started with basic auth can answer real 401s.
const plain = { url: sharedMlflow().url };
let secured: RunningServer;

beforeAll(async () => {
  secured = await startMlflow({ basicAuth: ADMIN });
});

afterAll(async () => {
  await secured?.stop();
});

describe('mlops-mcp doctor', () => {
  it('reports a reachable MLflow with its version and exits 0', async () => {
    const { code, stdout } = await runBinary(
      ['doctor'],
      gatewayEnv({ MLFLOW_TRACKING_URI: plain.url }),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^mlflow\s+ok\s+.*version 3\.\d+\.\d+\s+\d+ ms$/m);
  });

  it('reports an unreachable MLflow with a fix hint and exits 1', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const { code, stdout } = await runBinary(['doctor'], gatewayEnv({ MLFLOW_TRACKING_URI: url }));
    expect(code).toBe(1);
    expect(stdout).toMatch(/mlflow\s+FAIL\s+.*unreachable/);
    expect(stdout).toMatch(/fix:\s+check that the mlflow server is running/);
  });

  it('reports rejected credentials without printing them and exits 1', async () => {
    const { code, stdout, stderr } = await runBinary(
      ['doctor'],
      gatewayEnv({
        MLFLOW_TRACKING_URI: secured.url,
        MLFLOW_TRACKING_USERNAME: 'admin',
        MLFLOW_TRACKING_PASSWORD: 'wrong-pw-7731',
      }),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/mlflow\s+FAIL\s+.*auth failed/);
    expect(stdout).toMatch(/fix:\s+set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME/);
    expect(stdout + stderr).not.toContain('wrong-pw-7731');
  });

  it('authenticates with MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD', async () => {
    const { code, stdout } = await runBinary(
      ['doctor'],
      gatewayEnv({
        MLFLOW_TRACKING_URI: secured.url,
        MLFLOW_TRACKING_USERNAME: ADMIN.username,
        MLFLOW_TRACKING_PASSWORD: ADMIN.password,
      }),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^mlflow\s+ok/m);
  });

  it('prints machine-readable results with --json', async () => {
    const { code, stdout } = await runBinary(
      ['doctor', '--json'],
      gatewayEnv({ MLFLOW_TRACKING_URI: plain.url }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      backends: { mlflow: { reachable: true, authenticated: true } },
    });
  });

  it('says which backends are not configured and exits 1 when none is', async () => {
    const { code, stdout } = await runBinary(['doctor'], gatewayEnv({}));
    expect(code).toBe(1);
    expect(stdout).toMatch(/mlflow\s+not configured: set MLFLOW_TRACKING_URI/);
  });
});

describe('mlops-mcp config', () => {
  it('prints the resolved configuration with credentials masked', async () => {
    const { code, stdout } = await runBinary(
      ['config'],
      gatewayEnv({
        MLFLOW_TRACKING_URI: 'http://ana:uri-pw-5512@127.0.0.1:5000',
        MLFLOW_TRACKING_TOKEN: 'tok-cfg-9981',
      }),
    );
    expect(code).toBe(0);
    expect(stdout).not.toContain('uri-pw-5512');
    expect(stdout).not.toContain('tok-cfg-9981');
    expect(JSON.parse(stdout)).toMatchObject({
      mlflow: { trackingUri: 'http://ana:***@127.0.0.1:5000/', token: '***' },
    });
  });

  it('shows the backend timeout in force, the 60 s default when unset', async () => {
    const env = { MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000' };
    const unset = await runBinary(['config'], gatewayEnv(env));
    const set = await runBinary(
      ['config'],
      gatewayEnv({ ...env, MLOPS_MCP_BACKEND_TIMEOUT_MS: '1500' }),
    );
    expect(JSON.parse(unset.stdout)).toMatchObject({ backendTimeoutMs: 60_000 });
    expect(JSON.parse(set.stdout)).toMatchObject({ backendTimeoutMs: 1500 });
  });
});

describe('mlops-mcp tools', () => {
  it('lists the exposed tools with their token cost and a total', async () => {
    const { code, stdout } = await runBinary(
      ['tools'],
      gatewayEnv({ MLFLOW_TRACKING_URI: plain.url }),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^mlflow_search_runs\s+read\s+\d+\s+Search MLflow runs$/m);
    expect(stdout).toMatch(/^\d+ tools, about \d+ tokens in tools\/list$/m);
  });
});
