import { fileURLToPath } from 'node:url';
import { connectStdio } from './mcp-clients.js';
import { rssBytes } from './proc-stats.js';
import type { ColdStartResult } from './results-schema.js';
import { spread } from './stats.js';

const MiB = 1024 * 1024;
const BARE_SERVER = fileURLToPath(new URL('./bare-stdio-server.js', import.meta.url));

/**
 * Cold start over stdio: spawn to the first `tools/list` answer (initialize, then list), the
 * gateway alternating with a bare Node stdio server answering the same two requests. The RSS of
 * each process right after that answer is its idle footprint.
 */
export async function measureColdStart(
  env: Record<string, string>,
  runs: number,
): Promise<ColdStartResult> {
  const gateway: number[] = [];
  const bare: number[] = [];
  const gatewayRss: number[] = [];
  const bareRss: number[] = [];
  let tools = 0;
  const once = async (args?: string[]) => {
    const started = performance.now();
    const session = await connectStdio(env, args ? { args } : undefined);
    const listed = await session.client.listTools();
    const elapsed = performance.now() - started;
    const rssMiB = rssBytes(session.pid) / MiB;
    await session.close();
    return { elapsed, rssMiB, tools: listed.tools.length };
  };
  // One untimed start of each warms the file system cache, as any second start would be.
  await once();
  await once([BARE_SERVER]);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['gateway', 'bare'] : ['bare', 'gateway'];
    for (const which of order) {
      if (which === 'gateway') {
        const result = await once();
        gateway.push(result.elapsed);
        gatewayRss.push(result.rssMiB);
        tools = result.tools;
      } else {
        const result = await once([BARE_SERVER]);
        bare.push(result.elapsed);
        bareRss.push(result.rssMiB);
      }
    }
  }
  return {
    runs,
    gatewayMs: spread(gateway),
    bareNodeMs: spread(bare),
    ratio: spread(gateway.map((ms, i) => ms / bare[i]!)),
    gatewayRssMiB: spread(gatewayRss),
    bareNodeRssMiB: spread(bareRss),
    rssRatio: spread(gatewayRss.map((mib, i) => mib / bareRss[i]!)),
    tools,
  };
}
