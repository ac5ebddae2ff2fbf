import { prefectSettingsFromEnv } from '@mlops-mcp/prefect';
import {
  type RunningServer,
  startSeededMlflow,
  startSeededPrefect,
  startWandbStandin,
  startWeaveServer,
  type WandbStandin,
} from '@mlops-mcp/testkit';
import { wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGateway, type Gateway } from '../src/index.js';
import { type JsonSchema, toolArgumentsArbitrary } from './fuzz/schema-arbitrary.js';

/**
 * Property-based fuzzing of every tool's input, through a real MCP client and the real gateway,
 * against real MLflow, Prefect and Weave servers and the W&B stand-in. Writes are enabled so write
 * tools are fuzzed too (the servers are this file's own throwaways).
 */
const RUNS_PER_TOOL = Number(process.env.FUZZ_RUNS_PER_TOOL ?? 40);

let mlflow: RunningServer;
let prefect: RunningServer | undefined;
let weave: RunningServer | undefined;
let standin: WandbStandin | undefined;
let gateway: Gateway;
let client: Client;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  standin = await startWandbStandin();
  const [seeded, seededPrefect, weaveServer] = await Promise.all([
    startSeededMlflow(),
    startSeededPrefect(),
    startWeaveServer({ apiKey: standin.apiKey }),
  ]);
  mlflow = seeded.server;
  prefect = seededPrefect.server;
  weave = weaveServer;
  gateway = createGateway({
    mlflow: { trackingUri: mlflow.url },
    prefect: prefectSettingsFromEnv({ PREFECT_API_URL: prefect.url }),
    wandb: wandbSettingsFromEnv({
      WANDB_API_KEY: standin.apiKey,
      WANDB_BASE_URL: standin.url,
      WF_TRACE_SERVER_URL: weave.url,
      WANDB_ENTITY: standin.entity,
      WANDB_PROJECT: standin.projects[0]!,
    }),
    readOnly: false,
    toolsets: ['all'],
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await gateway.createServer().connect(serverSide);
  client = new Client({ name: 'fuzzer', version: '1.0.0' });
  await client.connect(clientSide);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await client?.close();
  await gateway?.close();
  await Promise.all([mlflow?.stop(), prefect?.stop(), weave?.stop(), standin?.stop()]);
});

type Content = { type: string; text?: string }[];

describe('fuzzing every tool input', () => {
  it('fuzzes every tool of every backend', () => {
    const namespaces = new Set(gateway.tools.map((tool) => tool.namespace));
    expect([...namespaces].sort()).toEqual(['mlflow', 'mlops', 'prefect', 'wandb']);
  });

  it(`answers ${RUNS_PER_TOOL} generated inputs per tool with a result or an isError naming the problem, never a crash`, async () => {
    let cases = 0;
    let rejected = 0;
    for (const tool of gateway.tools) {
      const schema = z.toJSONSchema(tool.inputSchema, { io: 'input' }) as JsonSchema;
      await fc.assert(
        fc.asyncProperty(toolArgumentsArbitrary(schema), async (args) => {
          cases++;
          const result = await client.callTool({ name: tool.name, arguments: args });
          const text =
            (result.content as Content).find((block) => block.type === 'text')?.text ?? '';
          if (result.isError) {
            rejected++;
            expect(text.length).toBeGreaterThan(0);
            expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
            // Every refusal is the structured error, argument validation included.
            const payload = JSON.parse(text) as { error: { kind: string; message: string } };
            expect(payload.error.kind).not.toBe('internal');
            expect(payload.error.message.length).toBeGreaterThan(0);
          } else {
            expect(result.structuredContent).toBeDefined();
          }
        }),
        { numRuns: RUNS_PER_TOOL, seed: 42 },
      );
    }
    expect(unhandled).toEqual([]);
    expect(cases).toBe(RUNS_PER_TOOL * gateway.tools.length);
    // Both paths must be exercised, or the generator is broken.
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(cases);
    // ~6,400 real calls (40 per tool): the shared 30 s test limit is sized for one behaviour's
    // few calls, and on a loaded 2-core machine this sweep alone takes 25-40 s.
  }, 180_000);
});
