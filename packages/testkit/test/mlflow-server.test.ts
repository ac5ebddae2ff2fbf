import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startMlflow } from '../src/index.js';
import { canListen, groupAlive } from './helpers.js';

// The testkit's own tests start their own servers: they prove the launcher and the seed
// themselves, on a server nothing else has touched.

describe('startMlflow', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startMlflow();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('starts mlflow and answers /health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('OK');
  });

  it('serves the REST API with proxied artifact storage', async () => {
    const res = await fetch(
      `${server.url}/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { experiment: { artifact_location: string } };
    expect(body.experiment.artifact_location).toBe('mlflow-artifacts:/0');
  });

  it('stops the server, kills its process group and frees its port', async () => {
    const port = Number(new URL(server.url).port);
    await server.stop();
    expect(groupAlive(server.pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    expect(await canListen(port)).toBe(true);
    await server.stop(); // idempotent
  });
});
