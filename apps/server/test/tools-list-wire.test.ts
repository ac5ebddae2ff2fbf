import type { AnyToolDefinition } from '@mlops-mcp/core';
import { createMcpHandler, fromJsonSchema, McpServer } from '@modelcontextprotocol/server';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGateway, type Gateway, loadConfig } from '../src/index.js';
import { leanJsonSchema } from '../src/tools/advertised-schema.js';
import { toolAnnotations } from '../src/tools/register-tool.js';
import { VERSION } from '../src/version.js';

/**
 * tools/list as an HTTP client receives it, byte for byte, must not depend on how the gateway
 * hands its tools to the SDK (it caches their JSON Schemas across per-request servers): the
 * reference registers every selected tool with its lean input schema converted afresh from zod
 * (no output schema, as the gateway lists none).
 * Nothing here calls a backend, so the URLs need not answer.
 */
const UNUSED = 'http://127.0.0.1:9';
const THREE_BACKENDS = {
  MLFLOW_TRACKING_URI: UNUSED,
  PREFECT_API_URL: `${UNUSED}/api`,
  WANDB_API_KEY: 'test-key-0123456789',
  WANDB_BASE_URL: UNUSED,
  WF_TRACE_SERVER_URL: UNUSED,
};
const PROFILES: [string, Record<string, string>][] = [
  ['the default profile', THREE_BACKENDS],
  ['--toolsets all', { ...THREE_BACKENDS, MLOPS_MCP_TOOLSETS: 'all' }],
  [
    '--toolsets all with writes on',
    { ...THREE_BACKENDS, MLOPS_MCP_TOOLSETS: 'all', MLOPS_MCP_READ_ONLY: 'false' },
  ],
];
const gateways: Gateway[] = [];

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
});

/** A server with the tools registered as the SDK documents it, nothing cached. */
function referenceServer(tools: readonly AnyToolDefinition[]): McpServer {
  const server = new McpServer(
    { name: 'mlops-mcp', title: 'MLOps MCP gateway', version: VERSION },
    { capabilities: { tools: {} } },
  );
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: fromJsonSchema(
          leanJsonSchema(
            z.toJSONSchema(tool.inputSchema, { io: 'input' }) as Record<string, unknown>,
          ),
        ),
        annotations: toolAnnotations(tool),
      },
      (() => ({ content: [] })) as never,
    );
  }
  return server;
}

/** The body of a stateless Streamable HTTP tools/list, served by a fresh server per request. */
async function listOverHttp(factory: () => McpServer): Promise<string> {
  const handler = createMcpHandler(factory, { legacy: 'stateless' });
  try {
    const response = await handler.fetch(
      new Request('http://127.0.0.1/mcp', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }),
      }),
    );
    expect(response.status).toBe(200);
    return await response.text();
  } finally {
    await handler.close();
  }
}

describe('tools/list on the wire', () => {
  it.each(PROFILES)('is byte-identical to the SDK converting afresh for %s', async (_, env) => {
    const gateway = createGateway(loadConfig([], env).config);
    gateways.push(gateway);
    const expected = await listOverHttp(() => referenceServer(gateway.tools));
    expect(expected).toContain(`"name":"${gateway.tools[0]!.name}"`);
    // The first request converts and caches; the later ones are served from the cache.
    for (let request = 0; request < 3; request++) {
      const actual = await listOverHttp(() => gateway.createServer());
      expect(firstDifference(actual, expected), `request ${request + 1}`).toBeUndefined();
    }
  });
});

/** Where two long texts first differ, with some context (a full diff would be megabytes). */
function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 150), at + 150);
  return `lengths ${actual.length} vs ${expected.length}, first difference at ${at}:\n  actual:   …${around(actual)}…\n  expected: …${around(expected)}…`;
}
