import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTools } from '../src/backends/all-tools.js';
import { DEFAULT_PROFILE } from '../src/tools/default-profile.js';
import { BIN, gatewayEnv } from './binary.js';

/**
 * What a read-only gateway with only MLflow lists by default: the default profile's MLflow tools
 * and the mlops tools MLflow's capabilities can serve (not mlops_find_lineage, which needs
 * orchestration too).
 */
const MLFLOW_CAPABILITIES = ['tracking', 'tracing', 'registry'];
const READ_TOOLS = allTools()
  .filter(
    (tool) =>
      ['mlops', 'mlflow'].includes(tool.namespace) &&
      DEFAULT_PROFILE.includes(tool.name) &&
      (tool.needs ?? []).every((need) => MLFLOW_CAPABILITIES.includes(need)),
  )
  .map((tool) => tool.name);
// The run's shared, seeded MLflow server (test/global-setup.ts).
const { url: mlflowUrl, seed } = sharedMlflow();
const clients: Client[] = [];

beforeAll(async () => {});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

async function connect(env: Record<string, string> = {}): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN],
    env: gatewayEnv({ MLFLOW_TRACKING_URI: mlflowUrl, ...env }),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

type Structured = { items: { id: string }[] };

describe('gateway over stdio', () => {
  it('lists the default profile of namespaced tools, read-only, without output schemas', async () => {
    const { tools } = await (await connect()).listTools();
    expect(READ_TOOLS).toContain('mlflow_search_runs');
    expect(tools.map((tool) => tool.name)).toEqual(READ_TOOLS);
    for (const tool of tools) {
      expect(tool.annotations?.readOnlyHint).toBe(true);
      expect(tool.outputSchema).toBeUndefined();
      expect(tool.description!.length).toBeGreaterThan(40);
    }
  });

  it('lists write tools, marked destructive, only when writes are enabled', async () => {
    const { tools } = await (await connect({ MLOPS_MCP_READ_ONLY: 'false' })).listTools();
    const write = tools.find((tool) => tool.name === 'mlflow_set_run_tag');
    expect(write?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });

  it('returns seeded runs from mlflow_search_runs as structured content and compact JSON text', async () => {
    const client = await connect();
    const result = await client.callTool({
      name: 'mlflow_search_runs',
      arguments: { experimentIds: seed.experiments.map((e) => e.id), limit: 100 },
    });
    expect(result.isError).toBeFalsy();
    const ids = (result.structuredContent as Structured).items.map((run) => run.id).sort();
    expect(ids).toEqual(expect.arrayContaining(seed.runs.map((run) => run.id)));
    const text = (result.content as { type: string; text: string }[])[0]!.text;
    expect(text).not.toMatch(/\n/);
    expect(JSON.parse(text)).toEqual(result.structuredContent);
  });

  it('answers invalid input with an isError result naming the field, and keeps serving', async () => {
    const client = await connect();
    const bad = await client.callTool({ name: 'mlflow_search_runs', arguments: { limit: -5 } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toMatch(/limit/);
    const good = await client.callTool({
      name: 'mlflow_get_run',
      arguments: { runId: seed.runs[0]!.id },
    });
    expect(good.isError).toBeFalsy();
  });

  it('answers an unknown run with an actionable not_found error', async () => {
    const result = await (await connect()).callTool({
      name: 'mlflow_get_run',
      arguments: { runId: '0123456789abcdef0123456789abcdef' },
    });
    expect(result.isError).toBe(true);
    const payload = JSON.parse((result.content as { text: string }[])[0]!.text);
    expect(payload.error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(payload.error.hint).toMatch(/mlflow_search_runs/);
  });
});
