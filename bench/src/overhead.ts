import { Agent } from 'undici';
import type { BackendRequest } from './backend-request.js';
import type { Backends } from './backends.js';
import { sendDirect } from './direct-call.js';
import { startHttpGateway } from './gateway-binary.js';
import { type Arm, type InterleaveOptions, interleave, type RoundSamples } from './interleave.js';
import { callText, libraryGateway } from './library-gateway.js';
import { connectHttp, connectStdio, resultText } from './mcp-clients.js';
import { cpuSeconds } from './proc-stats.js';
import { recordingDispatcher } from './record-requests.js';
import type { LatencyArm, OverheadResult } from './results-schema.js';
import { latencyPercentiles, spread } from './stats.js';
import type { Task } from './tasks.js';

/** The gateway arms, each compared with the direct arm. */
const GATEWAY_ARMS = ['library', 'http', 'stdio'] as const;

/**
 * Gateway overhead: each task is called directly (the recorded backend requests, sent with
 * undici), through an in-process gateway (`callTool`, no MCP), and through the built binary over
 * HTTP and over stdio with the MCP SDK client, all interleaved. Ratios are per round.
 */
export async function measureOverhead(
  backends: Backends,
  tasks: readonly Task[],
  options: InterleaveOptions,
  log: (line: string) => void,
): Promise<OverheadResult[]> {
  const recorder = recordingDispatcher();
  const recording = libraryGateway(backends.env, recorder.dispatcher);
  const library = libraryGateway(backends.env);
  const direct = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  const http = await startHttpGateway(backends.env);
  const httpClient = await connectHttp(http.mcpUrl);
  const stdio = await connectStdio(backends.env);
  try {
    const results: OverheadResult[] = [];
    for (const task of tasks) {
      await callText(recording, task.tool, task.args);
      const requests: BackendRequest[] = recorder.take();
      const arms: Arm[] = [
        { name: 'direct', run: () => sendDirect(direct, requests) },
        { name: 'library', run: () => callText(library, task.tool, task.args) },
        {
          name: 'http',
          run: async () =>
            resultText(await httpClient.callTool({ name: task.tool, arguments: task.args })),
        },
        {
          name: 'stdio',
          run: async () =>
            resultText(await stdio.client.callTool({ name: task.tool, arguments: task.args })),
        },
      ];
      const cpuBefore = { http: cpuSeconds(http.pid), stdio: cpuSeconds(stdio.pid) };
      const samples = await interleave(arms, options);
      const calls = options.rounds * options.iterations + options.warmup;
      const cpuMsPerCall = {
        http: ((cpuSeconds(http.pid) - cpuBefore.http) * 1000) / calls,
        stdio: ((cpuSeconds(stdio.pid) - cpuBefore.stdio) * 1000) / calls,
      };
      const result = summarize(task, requests.length, samples, cpuMsPerCall);
      log(
        `overhead ${task.name}: direct p50 ${result.arms.direct.p50.toFixed(2)} ms, ` +
          `http ×${result.ratios.http.p50.median.toFixed(2)}, stdio ×${result.ratios.stdio.p50.median.toFixed(2)}`,
      );
      results.push(result);
    }
    return results;
  } finally {
    await Promise.allSettled([httpClient.close(), stdio.close()]);
    await http.stop();
    await Promise.allSettled([
      recording.close(),
      library.close(),
      recorder.close(),
      direct.close(),
    ]);
  }
}

function summarize(
  task: Task,
  backendRequests: number,
  samples: RoundSamples,
  cpuMsPerCall: { http: number; stdio: number },
): OverheadResult {
  const perRound = (arm: string) => samples[arm]!.map((round) => latencyPercentiles(round));
  const direct = perRound('direct');
  const armSummary = (arm: string): LatencyArm => {
    const rounds = perRound(arm);
    return {
      p50: spread(rounds.map((r) => r.p50)).median,
      p99: spread(rounds.map((r) => r.p99)).median,
    };
  };
  const ratio = (arm: string) => {
    const rounds = perRound(arm);
    return {
      p50: spread(rounds.map((r, i) => r.p50 / direct[i]!.p50)),
      p99: spread(rounds.map((r, i) => r.p99 / direct[i]!.p99)),
    };
  };
  return {
    task: task.name,
    tool: task.tool,
    backendRequests,
    samplesPerArm: samples.direct!.flat().length,
    arms: {
      direct: armSummary('direct'),
      library: armSummary('library'),
      http: armSummary('http'),
      stdio: armSummary('stdio'),
    },
    ratios: Object.fromEntries(
      GATEWAY_ARMS.map((arm) => [arm, ratio(arm)]),
    ) as OverheadResult['ratios'],
    gatewayCpuMsPerCall: cpuMsPerCall,
  };
}
