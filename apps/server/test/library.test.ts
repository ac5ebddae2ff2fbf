import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../src/index.js';

// The run's shared, seeded MLflow server (test/global-setup.ts).
const { url: mlflowUrl, seed } = sharedMlflow();
let gateway: Gateway;

beforeAll(async () => {
  gateway = createGateway({ mlflow: { trackingUri: mlflowUrl } });
});

afterAll(async () => {
  await gateway?.close();
});

describe('gateway as a library', () => {
  it('calls a tool directly, without MCP', async () => {
    const result = await gateway.callTool('mlflow_search_experiments', {});
    const names = (result.structuredContent as { items: { name: string }[] }).items.map(
      (e) => e.name,
    );
    for (const experiment of seed.experiments) expect(names).toContain(experiment.name);
  });

  it('names the bad field when a direct call has invalid input', async () => {
    const result = await gateway.callTool('mlflow_search_runs', { limit: 'ten' });
    expect(result.isError).toBe(true);
    expect(JSON.parse((result.content[0] as { text: string }).text).error.field).toBe('limit');
  });

  it('refuses a tool that is not selected', async () => {
    const result = await gateway.callTool('mlflow_set_run_tag', {
      runId: seed.runs[0]!.id,
      key: 'k',
      value: 'v',
    });
    expect(result.isError).toBe(true);
  });

  it('serves an in-process MCP client', async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await gateway.createServer().connect(serverSide);
    const client = new Client({ name: 'in-process', version: '1.0.0' });
    await client.connect(clientSide);
    const result = await client.callTool({
      name: 'mlflow_get_run',
      arguments: { runId: seed.runs[0]!.id },
    });
    expect((result.structuredContent as { id: string }).id).toBe(seed.runs[0]!.id);
    await client.close();
  });
});
