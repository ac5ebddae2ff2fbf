import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway, loadConfig } from '../src/index.js';
import { BIN, gatewayEnv } from './binary.js';

const RECORDER = fileURLToPath(new URL('./fixtures/record-loaded-modules.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mlops-mcp-lazy-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNUSED = 'http://127.0.0.1:9';
const THREE_BACKENDS = {
  MLFLOW_TRACKING_URI: UNUSED,
  PREFECT_API_URL: `${UNUSED}/api`,
  WANDB_API_KEY: 'local-0123456789012345678901234567890123456789',
  WANDB_BASE_URL: UNUSED,
};

/** A stdio gateway started as users start it, recording the modules it loads. */
async function startRecorded(env: Record<string, string>, file = join(dir, 'loaded.txt')) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', RECORDER, BIN],
    env: gatewayEnv({ LOADED_MODULES_FILE: file, ...env }),
    stderr: 'ignore',
  });
  const client = new Client({ name: 'lazy-start-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    /** Ends the session and returns every module URL the process loaded. */
    async loaded(): Promise<string[]> {
      const exited = new Promise<void>((resolve) => {
        transport.onclose = resolve;
      });
      await client.close();
      await exited;
      return readFileSync(file, 'utf8').split('\n');
    },
  };
}

/**
 * The modules a stdio gateway with all three backends configured has loaded once it answered
 * `tools/list` and its client left. Nothing is contacted: listing needs no backend.
 */
async function modulesLoadedByListing(): Promise<string[]> {
  const gateway = await startRecorded(THREE_BACKENDS);
  const { tools } = await gateway.client.listTools();
  expect(tools.length).toBeGreaterThan(0);
  return gateway.loaded();
}

/** The bundle's chunks of each backend's tools and adapter, and of the mlops_* and code tools. */
const chunk = (name: string) => new RegExp(`/dist/${name}-[\\w-]{8}\\.js$`);
const TOOL_CHUNKS = ['mlflow-tools', 'wandb-tools', 'prefect-tools', 'cross-tools', 'code-tools'];
const ADAPTER_CHUNKS = ['mlflow-adapter', 'wandb-adapter', 'prefect-adapter'];
const loadedChunks = (loaded: string[], names: string[]) =>
  names.filter((name) => loaded.some((url) => chunk(name).test(url)));

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

  it('lists its tools from the manifest, without importing any tool module or backend adapter', async () => {
    const loaded = await modulesLoadedByListing();
    expect(loaded).toContain(pathToFileURL(BIN).href);
    expect(loadedChunks(loaded, [...TOOL_CHUNKS, ...ADAPTER_CHUNKS])).toEqual([]);
  });

  it("imports a tool's module and the adapters on its first call, and no other backend's tools", async () => {
    const gateway = await startRecorded(THREE_BACKENDS, join(dir, 'called.txt'));
    await gateway.client.listTools();
    // Refused by the tool's own input schema: the definition is loaded, no backend is asked.
    const result = await gateway.client.callTool({
      name: 'mlflow_search_runs',
      arguments: { limit: 'ten' },
    });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('invalid_input');
    const loaded = await gateway.loaded();
    expect(loadedChunks(loaded, TOOL_CHUNKS)).toEqual(['mlflow-tools']);
    expect(loadedChunks(loaded, ADAPTER_CHUNKS)).toEqual(ADAPTER_CHUNKS);
  });

  it.each([
    ['the default profile', THREE_BACKENDS],
    [
      'every tool, writes on',
      { ...THREE_BACKENDS, MLOPS_MCP_TOOLSETS: 'all', MLOPS_MCP_READ_ONLY: 'false' },
    ],
    ['MLflow only, code mode', { MLFLOW_TRACKING_URI: UNUSED, MLOPS_MCP_TOOLSETS: 'code' }],
  ])('lists with %s exactly what the library gateway lists', async (_label, env) => {
    const started = await startRecorded(env, join(dir, 'compare.txt'));
    const library = createGateway(loadConfig([], env).config);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await library.createServer().connect(serverSide);
    const reference = new Client({ name: 'lazy-start-test', version: '1.0.0' });
    await reference.connect(clientSide);
    try {
      for (const list of ['listTools', 'listPrompts', 'listResourceTemplates'] as const) {
        expect(await started.client[list]()).toEqual(await reference[list]());
      }
    } finally {
      await reference.close();
      await library.close();
      await started.loaded();
    }
  });
});
