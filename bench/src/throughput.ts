import type { Client } from '@modelcontextprotocol/client';
import { Agent } from 'undici';
import type { BackendRequest } from './backend-request.js';
import { startCannedBackend } from './canned-backend.js';
import { sendDirect } from './direct-call.js';
import { startHttpGateway } from './gateway-binary.js';
import { callText, libraryGateway } from './library-gateway.js';
import { runWindow } from './load-window.js';
import { connectHttp, resultText } from './mcp-clients.js';
import { cpuSeconds, rssBytes, sampleRss } from './proc-stats.js';
import { recordingDispatcher } from './record-requests.js';
import type { MemoryResult, ThroughputResult } from './results-schema.js';
import { spread } from './stats.js';
import type { Task } from './tasks.js';

export interface ThroughputOptions {
  /** Concurrent MCP clients per level, e.g. [1, 8, 32, 128]. */
  levels: number[];
  /** Windows per arm and level; the arms alternate window by window. */
  windows: number;
  windowMs: number;
  warmupMs: number;
}

const MiB = 1024 * 1024;

/** A backend request a tool makes and the real backend's answer to it. */
export interface RecordedExchange {
  task: Task;
  request: BackendRequest;
  body: string;
}

/**
 * Records the single backend request `task` makes against the real backends configured by `env`
 * (e.g. `Backends.env`), and the answer.
 */
export async function recordExchange(
  env: Record<string, string>,
  task: Task,
): Promise<RecordedExchange> {
  const recorder = recordingDispatcher();
  const recording = libraryGateway(env, recorder.dispatcher);
  const agent = new Agent();
  try {
    await callText(recording, task.tool, task.args);
    const requests = recorder.take();
    if (requests.length !== 1) {
      throw new Error(`${task.tool} sent ${requests.length} backend requests, not one`);
    }
    const [body] = await sendDirect(agent, requests);
    return { task, request: requests[0]!, body: body! };
  } finally {
    await Promise.allSettled([recording.close(), recorder.close(), agent.close()]);
  }
}

/**
 * Tool calls per second over HTTP with N concurrent MCP clients, against a canned backend that
 * replays a real backend answer (so the backend is never the bottleneck), next to the same
 * request sent directly at the same concurrency. Also samples the gateway's RSS and CPU time.
 */
export async function measureThroughput(
  exchange: RecordedExchange,
  options: ThroughputOptions,
  log: (line: string) => void,
): Promise<{ levels: ThroughputResult[]; memory: MemoryResult }> {
  const { task, request, body } = exchange;
  const canned = await startCannedBackend(body);
  const gateway = await startHttpGateway({
    MLFLOW_TRACKING_URI: canned.url,
    MLOPS_MCP_WANDB: 'false',
    MLOPS_MCP_PREFECT: 'false',
  });
  const direct = new Agent({ keepAliveTimeout: 30_000 });
  const directRequest = { ...request, origin: new URL(canned.url).origin };
  const idleMiB = rssBytes(gateway.pid) / MiB;
  try {
    const callThrough = (client: Client) => async () =>
      resultText(await client.callTool({ name: task.tool, arguments: task.args }));
    const warm = await connectMany(gateway.mcpUrl, 8);
    await runWindow(8, options.warmupMs, (i) => callThrough(warm[i]!)());
    await closeAll(warm);

    const levels: ThroughputResult[] = [];
    const underLoadMaxMiB: Record<string, number> = {};
    for (const clients of options.levels) {
      const connected = await connectMany(gateway.mcpUrl, clients);
      const directRates: number[] = [];
      const gatewayRates: number[] = [];
      const cpuPerCall: number[] = [];
      const rss: number[] = [];
      let errors = 0;
      const directWindow = async () => {
        const result = await runWindow(clients, options.windowMs, () =>
          sendDirect(direct, [directRequest]),
        );
        errors += result.errors;
        directRates.push(result.calls / (result.elapsedMs / 1000));
      };
      const gatewayWindow = async () => {
        const cpuBefore = cpuSeconds(gateway.pid);
        const sampler = sampleRss(gateway.pid, 100);
        const result = await runWindow(clients, options.windowMs, (i) =>
          callThrough(connected[i]!)(),
        );
        rss.push(...sampler.stop());
        errors += result.errors;
        gatewayRates.push(result.calls / (result.elapsedMs / 1000));
        cpuPerCall.push(((cpuSeconds(gateway.pid) - cpuBefore) * 1000) / result.calls);
      };
      for (let window = 0; window < options.windows; window++) {
        // Alternate which arm goes first, so a drifting machine load favours neither.
        if (window % 2 === 0) {
          await directWindow();
          await gatewayWindow();
        } else {
          await gatewayWindow();
          await directWindow();
        }
      }
      await closeAll(connected);
      const level: ThroughputResult = {
        clients,
        windows: options.windows,
        windowMs: options.windowMs,
        directCallsPerSecond: spread(directRates).median,
        gatewayCallsPerSecond: spread(gatewayRates).median,
        ratio: spread(gatewayRates.map((rate, i) => rate / directRates[i]!)),
        gatewayCpuMsPerCall: spread(cpuPerCall),
        gatewayRssMiB: { median: spread(rss).median / MiB, max: Math.max(...rss) / MiB },
        errors,
      };
      underLoadMaxMiB[String(clients)] = level.gatewayRssMiB.max;
      log(
        `throughput ${clients} clients: gateway ${level.gatewayCallsPerSecond.toFixed(0)}/s, ` +
          `direct ${level.directCallsPerSecond.toFixed(0)}/s, ` +
          `cpu ${level.gatewayCpuMsPerCall.median.toFixed(2)} ms/call, rss max ${level.gatewayRssMiB.max.toFixed(0)} MiB`,
      );
      levels.push(level);
    }
    const afterLoadMiB = rssBytes(gateway.pid) / MiB;
    return { levels, memory: { idleMiB, afterLoadMiB, underLoadMaxMiB } };
  } finally {
    await gateway.stop();
    await Promise.allSettled([direct.close(), canned.stop()]);
  }
}

async function connectMany(mcpUrl: string, count: number): Promise<Client[]> {
  return Promise.all(Array.from({ length: count }, () => connectHttp(mcpUrl)));
}

async function closeAll(clients: readonly Client[]): Promise<void> {
  await Promise.allSettled(clients.map((client) => client.close()));
}
