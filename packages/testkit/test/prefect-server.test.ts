import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv, type RunningServer, startPrefect } from '../src/index.js';
import { canListen, groupAlive } from './helpers.js';

// The testkit's own tests start their own servers: they prove the launcher and the seed
// themselves, on a server nothing else has touched.

describe('startPrefect', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startPrefect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('starts prefect and answers /api/health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toBe(true);
  });

  it('keeps its database in the server temp dir', async () => {
    const res = await fetch(`${server.url}/flows/filter`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect(existsSync(`${server.dir}/prefect.db`)).toBe(true);
  });

  it("starts on a copy of the virtualenv's migrated database, which its writes leave alone", async () => {
    const template = `${(await pythonEnv()).venv}.prefect.db`;
    const before = statSync(template);
    const res = await fetch(`${server.url}/flows/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'template-check' }),
    });
    expect(res.status).toBe(201);
    const after = statSync(template);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  });

  it('stops the server and frees its port', async () => {
    const port = Number(new URL(server.url).port);
    await server.stop();
    expect(groupAlive(server.pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    expect(await canListen(port)).toBe(true);
  });
});
