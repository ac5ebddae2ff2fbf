import { readFileSync } from 'node:fs';
import {
  freePort,
  STANDIN_FIXED_RUNS,
  startWandbStandin,
  type WandbStandin,
} from '@mlops-mcp/testkit';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnv, type SpawnedGateway, spawnHttpGateway } from './binary.js';

const TOKEN = 'load-e2e-token-27182818';
/** Concurrent clients; each opens session after session until the period ends. */
const CLIENTS = 200;
/** How long new sessions are started (sessions in flight then finish). */
const PERIOD_MS = 25_000;
/**
 * The RSS the gateway must stay under while serving them. Idle it is about 120 MiB; under this
 * load V8 grows its heap with the garbage rate, and the peak went from ~275 MiB (a busy machine,
 * ~50 calls/s) to ~385 MiB (~280 calls/s) in runs on 2 cores. A leak would cross the bound in
 * seconds at these rates; GC timing alone should not.
 */
const RSS_BOUND_MIB = 768;
const PROJECT = 'llm-finetune';

let standin: WandbStandin;
let gateway: SpawnedGateway;
let url: string;
const load = {
  sessions: 0,
  calls: 0,
  errors: [] as string[],
  rssIdleMiB: 0,
  rssSamplesMiB: [] as number[],
  seconds: 0,
};

/** Resident set size of a process in MiB, from /proc (Linux, like CI). */
function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1]) / 1024;
}

function structured<T>(result: Awaited<ReturnType<Client['callTool']>>): T {
  if (result.isError) throw new Error(`tool error: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** One MCP session: connect (initialize), three reads whose answers are checked, close. */
async function session(endpoint: string, client: number): Promise<number> {
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
  });
  const mcp = new Client({ name: `load-${client}`, version: '1.0.0' });
  await mcp.connect(transport);
  try {
    const scope = { entity: standin.entity, project: PROJECT };
    const run = structured<{ id: string }>(
      await mcp.callTool({
        name: 'wandb_get_run',
        arguments: { ...scope, run: STANDIN_FIXED_RUNS.healthyA },
      }),
    );
    if (run.id !== STANDIN_FIXED_RUNS.healthyA) throw new Error(`wrong run ${run.id}`);
    const page = structured<{ items: unknown[] }>(
      await mcp.callTool({ name: 'wandb_search_runs', arguments: { ...scope, limit: 5 } }),
    );
    if (page.items.length !== 5) throw new Error(`${page.items.length} runs instead of 5`);
    const viewer = structured<{ defaultEntity?: string }>(
      await mcp.callTool({ name: 'wandb_get_viewer', arguments: {} }),
    );
    if (viewer.defaultEntity !== standin.entity) throw new Error(`viewer ${viewer.defaultEntity}`);
    return 3;
  } finally {
    await mcp.close();
  }
}

beforeAll(async () => {
  standin = await startWandbStandin();
  const port = await freePort();
  gateway = await spawnHttpGateway(
    ['--http', '--port', String(port)],
    gatewayEnv({
      WANDB_API_KEY: standin.apiKey,
      WANDB_BASE_URL: standin.url,
      // Named, so the test does not depend on what the default profile holds.
      MLOPS_MCP_TOOLSETS: 'wandb',
      MLOPS_MCP_HTTP_TOKEN: TOKEN,
    }),
  );
  url = `http://127.0.0.1:${port}/mcp`;
  const pid = gateway.child.pid!;
  load.rssIdleMiB = rssMiB(pid);
  const sampler = setInterval(() => load.rssSamplesMiB.push(rssMiB(pid)), 250);
  const started = performance.now();
  const deadline = started + PERIOD_MS;
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        // Every client completes at least one session, however slow the machine is.
        do {
          try {
            // Read the count only after the await: `load.calls += await …` would lose updates.
            const calls = await session(url, client);
            load.calls += calls;
            load.sessions++;
          } catch (error) {
            // fetch's own message is just "fetch failed": keep the socket-level cause too.
            const cause =
              error instanceof Error
                ? (error.cause as { code?: string; message?: string } | undefined)
                : undefined;
            load.errors.push(
              `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`,
            );
          }
        } while (performance.now() < deadline);
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  load.rssSamplesMiB.push(rssMiB(pid));
  load.seconds = (performance.now() - started) / 1000;
  const maxRss = Math.max(...load.rssSamplesMiB);
  console.log(
    `load: ${CLIENTS} concurrent clients, ${load.sessions} sessions, ${load.calls} tool calls in ` +
      `${load.seconds.toFixed(1)} s (${(load.calls / load.seconds).toFixed(0)} calls/s), ` +
      `${load.errors.length} errors; gateway RSS idle ${load.rssIdleMiB.toFixed(0)} MiB, ` +
      `max ${maxRss.toFixed(0)} MiB over ${load.rssSamplesMiB.length} samples (bound ${RSS_BOUND_MIB} MiB)`,
  );
}, PERIOD_MS + 180_000);

afterAll(async () => {
  await gateway?.stop();
  await standin?.stop();
});

describe(`gateway over HTTP under ${CLIENTS} concurrent clients`, () => {
  it('answers every call of every session correctly', () => {
    expect(load.errors.slice(0, 5)).toEqual([]);
    expect(load.calls).toBe(load.sessions * 3);
  });

  it('serves at least one full session per concurrent client', () => {
    expect(load.sessions).toBeGreaterThanOrEqual(CLIENTS);
  });

  it(`keeps its RSS under ${RSS_BOUND_MIB} MiB throughout`, () => {
    expect(load.rssSamplesMiB.length).toBeGreaterThan(10);
    expect(Math.max(...load.rssSamplesMiB)).toBeLessThan(RSS_BOUND_MIB);
  });

  it('still serves a new session once the load is over', async () => {
    await expect(session(url, CLIENTS)).resolves.toBe(3);
  });
});
