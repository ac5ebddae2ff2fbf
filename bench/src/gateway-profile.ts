import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import { startCannedBackend } from './canned-backend.js';
import { type CpuBreakdown, CpuProfileSchema, cpuBreakdown } from './cpu-categories.js';
import { startHttpGateway } from './gateway-binary.js';
import { runWindow } from './load-window.js';
import { connectHttp, resultText } from './mcp-clients.js';
import type { RecordedExchange } from './throughput.js';

/** Where an HTTP gateway's CPU time goes under load, per call. */
export interface GatewayProfile extends CpuBreakdown {
  clients: number;
  calls: number;
  busyMsPerCall: number;
}

/**
 * Runs the HTTP gateway under V8's sampling profiler (`--cpu-prof`) while `clients` MCP clients
 * call the recorded tool against the canned backend, then splits its busy time by layer.
 */
export async function profileGateway(
  exchange: RecordedExchange,
  clients: number,
  durationMs: number,
): Promise<GatewayProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-mcp-bench-prof-'));
  const canned = await startCannedBackend(exchange.body);
  try {
    const gateway = await startHttpGateway(
      { MLFLOW_TRACKING_URI: canned.url, MLOPS_MCP_WANDB: 'false', MLOPS_MCP_PREFECT: 'false' },
      ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    );
    let calls = 0;
    try {
      const connected: Client[] = await Promise.all(
        Array.from({ length: clients }, () => connectHttp(gateway.mcpUrl)),
      );
      const { task } = exchange;
      const result = await runWindow(clients, durationMs, async (i) =>
        resultText(await connected[i]!.callTool({ name: task.tool, arguments: task.args })),
      );
      calls = result.calls;
      await Promise.allSettled(connected.map((client) => client.close()));
    } finally {
      // The profile is written when the process exits.
      await gateway.stop();
    }
    const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the gateway wrote no CPU profile');
    const profile = CpuProfileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    const breakdown = cpuBreakdown(profile);
    return { ...breakdown, clients, calls, busyMsPerCall: breakdown.busyMs / calls };
  } finally {
    await canned.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
