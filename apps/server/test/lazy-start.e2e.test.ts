import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, gatewayEnv } from './binary.js';

const RECORDER = fileURLToPath(new URL('./fixtures/record-loaded-modules.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mlops-mcp-lazy-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The modules a stdio gateway with all three backends configured has loaded once it answered
 * `tools/list` and its client left. Nothing is contacted: listing needs no backend.
 */
async function modulesLoadedByListing(): Promise<string[]> {
  const file = join(dir, 'loaded.txt');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', RECORDER, BIN],
    env: gatewayEnv({
      LOADED_MODULES_FILE: file,
      MLFLOW_TRACKING_URI: 'http://127.0.0.1:9',
      PREFECT_API_URL: 'http://127.0.0.1:9/api',
      WANDB_API_KEY: 'local-0123456789012345678901234567890123456789',
      WANDB_BASE_URL: 'http://127.0.0.1:9',
    }),
    stderr: 'ignore',
  });
  const client = new Client({ name: 'lazy-start-test', version: '1.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  expect(tools.length).toBeGreaterThan(0);
  const exited = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  await client.close();
  await exited;
  return readFileSync(file, 'utf8').split('\n');
}

describe('gateway start-up', () => {
  it('lists its tools over stdio without loading the HTTP stack, an HTTP client, GraphQL, YAML, the chart renderer or the code sandbox', async () => {
    const loaded = await modulesLoadedByListing();
    // The recorder saw the gateway load, so an empty match below means something.
    expect(loaded).toContain(pathToFileURL(BIN).href);
    const unused = [
      /\/node_modules\/undici\//,
      /\/node_modules\/graphql\//,
      /\/node_modules\/yaml\//,
      /\/node_modules\/@resvg\//,
      /\/node_modules\/(@jitl\/)?quickjs-/,
      /\/node_modules\/hono\//,
      /\/node_modules\/@hono\//,
      /^node:http$/,
    ];
    expect(loaded.filter((url) => unused.some((pattern) => pattern.test(url)))).toEqual([]);
  });
});
