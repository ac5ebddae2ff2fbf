import { MlopsError } from '@mlops-mcp/core';
import { pinnedVersion, type RunningServer, runTool, startPrefect } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseDeploymentTool } from '../deployments/set-deployment-paused.js';
import { listFlowsTool } from '../flows/list-flows.js';
import { createPrefectAdapter, type PrefectAdapter } from '../index.js';
import { getServerInfoTool } from '../server/get-server-info.js';

// A self-hosted server as a security-minded team runs it: basic auth and CSRF protection on.
// This file owns that server; the run's shared one has neither.
let server: RunningServer;
let prefect: PrefectAdapter;

beforeAll(async () => {
  server = await startPrefect({
    env: {
      PREFECT_SERVER_API_AUTH_STRING: 'admin:s3cure-pw',
      PREFECT_SERVER_CSRF_PROTECTION_ENABLED: 'true',
    },
  });
  prefect = createPrefectAdapter({
    apiUrl: server.url,
    authString: 'admin:s3cure-pw',
    source: 'env',
  });
});

afterAll(async () => {
  await prefect?.close();
  await server?.stop();
});

describe('a Prefect server with basic auth and CSRF protection', () => {
  it('refuses a POST without a CSRF token (what every filter read is)', async () => {
    const response = await fetch(`${server.url}/flows/filter`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('admin:s3cure-pw').toString('base64')}`,
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ detail: 'Missing CSRF token.' });
  });

  it('reads through the CSRF handshake', async () => {
    const result = await runTool(listFlowsTool, prefect, {});
    expect(result.items).toEqual([]);
    expect(prefect.http.csrfUsed).toBe(true);
  });

  it('sends a write through the CSRF handshake (unknown deployment: not_found from the route)', async () => {
    const fresh = createPrefectAdapter({
      apiUrl: server.url,
      authString: 'admin:s3cure-pw',
      source: 'env',
    });
    try {
      const error = await runTool(pauseDeploymentTool, fresh, {
        deployment: '00000000-0000-0000-0000-000000000000',
      }).catch((e: unknown) => e);
      expect(MlopsError.isInstance(error) && error.kind).toBe('not_found');
    } finally {
      await fresh.close();
    }
  });

  it('reports basic auth, a server that requires it, and CSRF protection', async () => {
    const info = await runTool(getServerInfoTool, prefect, {});
    expect(info).toMatchObject({
      healthy: true,
      auth: 'basic',
      serverRequiresAuth: true,
      csrfProtection: 'enabled',
      version: pinnedVersion('prefect'),
    });
    expect(JSON.stringify(info)).not.toContain('s3cure-pw');
  });

  it('answers wrong credentials with an auth error and a hint naming the setting', async () => {
    const wrong = createPrefectAdapter({
      apiUrl: server.url,
      authString: 'admin:wrong-pw',
      source: 'env',
    });
    try {
      const error = await runTool(listFlowsTool, wrong, {}).catch((e: unknown) => e);
      expect(MlopsError.isInstance(error) && error.kind).toBe('auth');
      expect((error as MlopsError).hint).toContain('PREFECT_API_AUTH_STRING');
      expect(await wrong.checkHealth()).toMatchObject({ reachable: true, authenticated: false });
    } finally {
      await wrong.close();
    }
  });
});
