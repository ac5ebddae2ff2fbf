import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MlopsError } from '@mlops-mcp/core';
import { freePort, type RunningServer, runTool, startMlflow } from '@mlops-mcp/testkit';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMlflowAdapter, type MlflowAdapter } from '../index.js';
import { createWebhookTool } from './create-webhook.js';
import { deleteWebhookTool } from './delete-webhook.js';
import { getWebhookTool } from './get-webhook.js';
import { listWebhooksTool } from './list-webhooks.js';
import { testWebhookTool } from './test-webhook.js';
import { updateWebhookTool } from './update-webhook.js';

/** One request the local receiver got from MLflow. */
interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// This file owns one MLflow server: webhook delivery to 127.0.0.1 needs server settings the
// shared one must not have. Default webhook settings are checked on the shared server.
// A server that may deliver to http://127.0.0.1 (MLflow refuses both by default), without
// retrying unreachable targets (3 retries with backoff would make one failed test take 6 s).
let server: RunningServer;
let mlflow: MlflowAdapter;
let strict: MlflowAdapter;
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  server = await startMlflow({
    env: {
      MLFLOW_WEBHOOK_ALLOWED_SCHEMES: 'http,https',
      MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS: 'true',
      MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES: '0',
    },
  });
  mlflow = createMlflowAdapter({ trackingUri: server.url });
  // The run's shared server has MLflow's default webhook settings.
  strict = createMlflowAdapter({ trackingUri: sharedMlflow().url });
  // The webhook target: records what MLflow sends; /missing answers 404.
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const ok = request.url !== '/missing';
      response.writeHead(ok ? 200 : 404, { 'content-type': 'text/plain' });
      response.end(ok ? 'received' : 'no such hook');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await mlflow?.close();
  await strict?.close();
  await server?.stop();
});

beforeEach(() => {
  deliveries.length = 0;
});

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${++counter}`;

const create = (args: Record<string, unknown> = {}) =>
  runTool(createWebhookTool, mlflow, {
    name: uniqueName('deploy-hook'),
    url: `${receiverUrl}/hook`,
    events: ['model_version_alias.created'],
    ...args,
  });

/** MLflow's signature: v1,base64(HMAC-SHA256(secret, "<delivery id>.<timestamp>.<body>")). */
function expectedSignature(secret: string, delivery: Delivery): string {
  const id = delivery.headers['x-mlflow-delivery-id'];
  const timestamp = delivery.headers['x-mlflow-timestamp'];
  const mac = createHmac('sha256', secret).update(`${id}.${timestamp}.${delivery.body}`);
  return `v1,${mac.digest('base64')}`;
}

describe('mlflow_create_webhook', () => {
  it('creates a webhook that mlflow_get_webhook reads back', async () => {
    const created = await create({
      events: ['model_version.created', 'model_version_alias.created'],
      description: 'Deploy new champions',
    });
    expect(created).toMatchObject({ status: 'ACTIVE', signed: false });
    const read = await runTool(getWebhookTool, mlflow, { webhookId: created.id });
    expect(read).toMatchObject({
      id: created.id,
      name: created.name,
      url: `${receiverUrl}/hook`,
      status: 'ACTIVE',
      description: 'Deploy new champions',
    });
    expect([...read.events].sort()).toEqual([
      'model_version.created',
      'model_version_alias.created',
    ]);
    expect(read.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('creates a webhook disabled from the start', async () => {
    const created = await create({ status: 'DISABLED' });
    const read = await runTool(getWebhookTool, mlflow, { webhookId: created.id });
    expect(read.status).toBe('DISABLED');
  });

  it('rejects an event MLflow does not have before calling it', async () => {
    await expect(create({ events: ['model_version.transitioned_stage'] })).rejects.toThrow(
      /expected one of/,
    );
  });

  it('points at the name when MLflow refuses it', async () => {
    const error = (await create({ name: 'not allowed!' }).catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'name' });
    expect(error.hint).toMatch(/letters, digits/);
  });
});

describe('webhook secrets', () => {
  it('never returns the signing secret from any webhook tool', async () => {
    const secret = 'whsec-do-not-leak-7f3a9c';
    const outputs: unknown[] = [];
    const created = await create({ secret });
    outputs.push(created);
    outputs.push(await runTool(getWebhookTool, mlflow, { webhookId: created.id }));
    outputs.push(await runTool(listWebhooksTool, mlflow, { limit: 100 }));
    outputs.push(
      await runTool(updateWebhookTool, mlflow, { webhookId: created.id, description: 'x' }),
    );
    outputs.push(await runTool(testWebhookTool, mlflow, { webhookId: created.id }));
    expect(created.signed).toBe(true);
    for (const output of outputs) expect(JSON.stringify(output)).not.toContain(secret);
  });

  it('signs deliveries with the secret, and with the new one after a rotation', async () => {
    const created = await create({ secret: 'first-secret' });
    await runTool(testWebhookTool, mlflow, { webhookId: created.id });
    const rotated = await runTool(updateWebhookTool, mlflow, {
      webhookId: created.id,
      secret: 'second-secret',
    });
    expect(rotated.secretRotated).toBe(true);
    await runTool(testWebhookTool, mlflow, { webhookId: created.id });
    const [first, second] = deliveries;
    expect(first!.headers['x-mlflow-signature']).toBe(expectedSignature('first-secret', first!));
    expect(second!.headers['x-mlflow-signature']).toBe(expectedSignature('second-secret', second!));
  });

  it('sends unsigned deliveries when the webhook has no secret', async () => {
    const created = await create();
    await runTool(testWebhookTool, mlflow, { webhookId: created.id });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.headers['x-mlflow-signature']).toBeUndefined();
  });
});

describe('mlflow_test_webhook', () => {
  it('delivers an example payload of the chosen event to the target URL', async () => {
    const created = await create({ events: ['model_version.created', 'prompt.created'] });
    const result = await runTool(testWebhookTool, mlflow, {
      webhookId: created.id,
      event: 'prompt.created',
    });
    expect(result).toMatchObject({
      delivered: true,
      responseStatus: 200,
      responseBody: 'received',
    });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.path).toBe('/hook');
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
      entity: 'prompt',
      action: 'created',
      data: expect.any(Object),
    });
  });

  it("sends the webhook's first event when none is given", async () => {
    const created = await create({ events: ['model_version_tag.set'] });
    await runTool(testWebhookTool, mlflow, { webhookId: created.id });
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
      entity: 'model_version_tag',
      action: 'set',
    });
  });

  it('reports a target that answers with an error status', async () => {
    const created = await create({ url: `${receiverUrl}/missing` });
    const result = await runTool(testWebhookTool, mlflow, { webhookId: created.id });
    expect(result).toMatchObject({ delivered: false, responseStatus: 404 });
  });

  it('reports an unreachable target instead of failing', async () => {
    const closedPort = await freePort();
    const created = await create({ url: `http://127.0.0.1:${closedPort}/hook` });
    const result = await runTool(testWebhookTool, mlflow, { webhookId: created.id });
    expect(result.delivered).toBe(false);
    expect(result.responseStatus).toBeUndefined();
    expect(result.error).toMatch(/connect|refused/i);
  });

  it('answers not_found for an unknown webhook id', async () => {
    await expect(
      runTool(testWebhookTool, mlflow, { webhookId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });
});

describe('mlflow_list_webhooks', () => {
  it('lists webhooks newest first and pages with the cursor', async () => {
    const made = [await create(), await create(), await create()];
    const first = await runTool(listWebhooksTool, mlflow, { limit: 2 });
    expect(first.items.map((w) => w.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(first.nextCursor).toBeDefined();
    const second = await runTool(listWebhooksTool, mlflow, { limit: 1, cursor: first.nextCursor });
    expect(second.items.map((w) => w.id)).toEqual([made[0]!.id]);
  });

  it('cuts a page to the response budget and resumes where it stopped', async () => {
    for (let i = 0; i < 4; i++) await create();
    const all = await runTool(listWebhooksTool, mlflow, { limit: 4 });
    const cut = await runTool(listWebhooksTool, mlflow, { limit: 4 }, { maxResponseTokens: 150 });
    expect(cut.truncated).toBe(true);
    expect(cut.items.length).toBeLessThan(4);
    const rest = await runTool(listWebhooksTool, mlflow, {
      limit: 4 - cut.items.length,
      cursor: cut.nextCursor,
    });
    expect([...cut.items, ...rest.items].map((w) => w.id)).toEqual(all.items.map((w) => w.id));
  });

  it('rejects limits outside 1-1000', async () => {
    await expect(runTool(listWebhooksTool, mlflow, { limit: 0 })).rejects.toThrow(/>=1/);
    await expect(runTool(listWebhooksTool, mlflow, { limit: 1001 })).rejects.toThrow(/<=1000/);
  });
});

describe('mlflow_update_webhook', () => {
  it('changes url, events and status and clears the description', async () => {
    const created = await create({ description: 'old' });
    await runTool(updateWebhookTool, mlflow, {
      webhookId: created.id,
      url: `${receiverUrl}/other`,
      events: ['prompt_alias.created'],
      status: 'DISABLED',
      description: '',
    });
    const read = await runTool(getWebhookTool, mlflow, { webhookId: created.id });
    expect(read).toMatchObject({
      url: `${receiverUrl}/other`,
      events: ['prompt_alias.created'],
      status: 'DISABLED',
      name: created.name,
    });
    expect(read.description).toBeUndefined();
  });

  it('keeps the fields it is not given', async () => {
    const created = await create({ description: 'keep me' });
    await runTool(updateWebhookTool, mlflow, {
      webhookId: created.id,
      name: uniqueName('renamed'),
    });
    const read = await runTool(getWebhookTool, mlflow, { webhookId: created.id });
    expect(read).toMatchObject({
      description: 'keep me',
      url: created.url,
      events: created.events,
    });
  });

  it('rejects an update with nothing to change', async () => {
    const created = await create();
    await expect(
      runTool(updateWebhookTool, mlflow, { webhookId: created.id }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});

describe('mlflow_delete_webhook', () => {
  it('deletes a webhook so that get answers not_found and list omits it', async () => {
    const created = await create();
    expect(await runTool(deleteWebhookTool, mlflow, { webhookId: created.id })).toEqual({
      webhookId: created.id,
      deleted: true,
    });
    await expect(runTool(getWebhookTool, mlflow, { webhookId: created.id })).rejects.toMatchObject({
      kind: 'not_found',
    });
    const listed = await runTool(listWebhooksTool, mlflow, { limit: 1000 });
    expect(listed.items.map((w) => w.id)).not.toContain(created.id);
  });

  it('answers not_found for an unknown webhook id', async () => {
    const error = (await runTool(deleteWebhookTool, mlflow, {
      webhookId: '00000000-0000-4000-8000-000000000000',
    }).catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_list_webhooks/);
  });

  it('rejects an id that cannot be a webhook id before calling MLflow', async () => {
    await expect(
      runTool(getWebhookTool, mlflow, { webhookId: '../runs/get' }),
    ).rejects.toMatchObject({ kind: 'invalid_input', field: 'webhookId' });
  });
});

describe('a server with default webhook settings', () => {
  it('refuses http targets, and the error says which server setting allows them', async () => {
    const error = (await runTool(createWebhookTool, strict, {
      name: 'plain-http',
      url: 'http://hooks.example.com/mlflow',
      events: ['model_version.created'],
    }).catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'url' });
    expect(error.message).toMatch(/scheme/i);
    expect(error.hint).toMatch(/MLFLOW_WEBHOOK_ALLOWED_SCHEMES/);
  });

  it('refuses targets on private addresses, and the error says which setting allows them', async () => {
    const error = (await runTool(createWebhookTool, strict, {
      name: 'loopback',
      url: 'https://127.0.0.1/hook',
      events: ['model_version.created'],
    }).catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'url' });
    expect(error.message).toMatch(/non-public IP/i);
    expect(error.hint).toMatch(/MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS/);
  });
});
