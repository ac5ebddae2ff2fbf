/**
 * Embeds the whole gateway in your own Node process: no subprocess, no network hop. Tools are
 * called two ways on the same gateway — directly with `gateway.callTool` (the path MCP calls
 * take, minus the protocol) and through a real MCP client connected over an in-memory
 * transport (what an agent framework that speaks MCP would use).
 *
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 npx tsx embed-gateway.ts [--metric val/accuracy]
 */
import { parseArgs } from 'node:util';
import { createGateway } from '@mlops-mcp/server';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';

const { values: args } = parseArgs({
  options: { metric: { type: 'string', default: 'val/accuracy' } },
});
const trackingUri = process.env.MLFLOW_TRACKING_URI;
if (!trackingUri) {
  console.error('embed-gateway: set MLFLOW_TRACKING_URI to your MLflow tracking server');
  process.exit(1);
}

// Read-only by default, exactly like the CLI: write tools are not even selected.
// Without `toolsets` a gateway lists its small default profile; an agent that wants every
// MLflow read tool (mlflow_get_best_run among them) names the toolset.
const gateway = createGateway({ mlflow: { trackingUri }, toolsets: ['mlflow', 'mlops'] });
const client = new Client({ name: 'embed-gateway-example', version: '1.0.0' });

try {
  console.log(
    `gateway: ${gateway.tools.length} tools selected for ${[...gateway.adapters.keys()].join(', ')}`,
  );

  // 1. Direct call: same validation, budget and error shaping as an MCP call.
  const direct = await gateway.callTool('mlflow_search_experiments', { limit: 20 });
  if (direct.isError)
    throw new Error(`mlflow_search_experiments failed: ${textOf(direct.content)}`);
  const experiments = (direct.structuredContent as { items: { id: string; name: string }[] }).items;
  console.log(
    `direct callTool mlflow_search_experiments: ${experiments.map((e) => e.name).join(', ')}`,
  );

  // 2. MCP over an in-memory transport: one server per connection, from the same gateway.
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await gateway.createServer().connect(serverSide);
  await client.connect(clientSide);
  const { tools } = await client.listTools();
  console.log(`mcp tools/list: ${tools.length} tools`);

  const result = await client.callTool({
    name: 'mlflow_get_best_run',
    arguments: { metric: args.metric, direction: 'desc' },
  });
  if (result.isError) throw new Error(`mlflow_get_best_run failed: ${textOf(result.content)}`);
  const best = result.structuredContent as {
    value: number;
    run: { id: string; name?: string };
    runnerUp?: { name?: string; value: number };
  };
  const runnerUp = best.runnerUp
    ? `, runner-up ${best.runnerUp.name} = ${best.runnerUp.value}`
    : '';
  console.log(
    `mcp tools/call mlflow_get_best_run: ${best.run.name ?? best.run.id} (${best.run.id}) ${args.metric} = ${best.value}${runnerUp}`,
  );
} finally {
  await client.close();
  await gateway.close();
}

function textOf(content: unknown): string {
  return JSON.stringify(content).slice(0, 500);
}
