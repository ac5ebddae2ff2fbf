import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSeededMlflow } from '@mlops-mcp/testkit';
import type { Client } from '@modelcontextprotocol/client';
import { startCannedBackend } from './canned-backend.js';
import { type CpuBreakdown, CpuProfileSchema, cpuBreakdown } from './cpu-categories.js';
import { type FunctionCost, functionCosts } from './cpu-functions.js';
import { ratioCell, spreadCell, textTable } from './format.js';
import { GATEWAY_BIN, type HttpGateway, startHttpGateway } from './gateway-binary.js';
import { runWindow } from './load-window.js';
import { connectHttp, resultText } from './mcp-clients.js';
import { cpuSeconds } from './proc-stats.js';
import { type Spread, spread } from './stats.js';
import { type RecordedExchange, recordExchange } from './throughput.js';

/**
 * What one HTTP request costs the gateway process in CPU, by request kind, for the current
 * build and optionally a baseline build side by side in one run (before and after a change):
 *
 *   pnpm --filter @mlops-mcp/bench run request-cost [-- --baseline-rev <git rev> | --baseline <main.js>] [--profile]
 *
 * `--baseline-rev` builds apps/server as of that revision into a temporary directory (packages/*
 * are the working tree's builds, shared by both, so only the server's own code differs);
 * `--baseline` takes another build's `dist/cli/main.js`. Both builds get the same configurations,
 * clients and canned backend; their windows alternate (which build goes first flips every window),
 * and ratios are taken per pair of adjacent windows. `--profile` also runs each arm under
 * `--cpu-prof` and prints where the time goes by layer and by function (inclusive time per
 * request). Results go to bench/results/request-cost-<date>.json.
 */

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLIENTS = 4;
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 6);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2500);
const WARMUP_MS = 2000;
const PROFILE_MS = 4000;
/** Functions of building a per-request server, shown whatever their rank. */
const WATCHED =
  /^(createServer|registerTool|registerPrompts|registerResources|McpServer|Server|Protocol|ResourceTemplate|UriTemplate|standardSchemaToJsonSchema|get outputSchemaJson|convertListedInputSchema|promptArgumentsFromStandardSchema|connect|close) \(/;

type ConfigName = 'mlflow' | 'default' | 'all';

/** Gateway configurations, all pointed at the canned backend (only MLflow is ever called). */
function configEnv(name: ConfigName, url: string): Record<string, string> {
  const three = {
    MLFLOW_TRACKING_URI: url,
    PREFECT_API_URL: `${url}/api`,
    WANDB_API_KEY: 'bench-key-0123456789',
    WANDB_BASE_URL: url,
    WF_TRACE_SERVER_URL: url,
  };
  switch (name) {
    case 'mlflow':
      return { MLFLOW_TRACKING_URI: url, MLOPS_MCP_WANDB: 'false', MLOPS_MCP_PREFECT: 'false' };
    case 'default':
      return three;
    case 'all':
      return { ...three, MLOPS_MCP_TOOLSETS: 'all', MLOPS_MCP_READ_ONLY: 'false' };
  }
}

interface Arm {
  name: string;
  config: ConfigName;
  send(client: Client): Promise<unknown>;
}

function arms(exchange: RecordedExchange): Arm[] {
  const { task } = exchange;
  const call = async (client: Client) =>
    resultText(await client.callTool({ name: task.tool, arguments: task.args }));
  const list = async (client: Client) => {
    // Bypass the client's cache: every call must reach the gateway.
    const { tools } = await client.listTools(undefined, { cacheMode: 'bypass' });
    if (tools.length === 0) throw new Error('tools/list listed nothing');
    return tools.length;
  };
  return [
    {
      name: `tools/call ${task.tool}, MLflow only (default profile)`,
      config: 'mlflow',
      send: call,
    },
    { name: `tools/call ${task.tool}, three backends, all tools`, config: 'all', send: call },
    { name: 'tools/list, three backends, default profile', config: 'default', send: list },
    { name: 'tools/list, three backends, all tools, writes on', config: 'all', send: list },
  ];
}

interface Build {
  name: string;
  bin: string;
}

/** One arm's cost on one build. */
interface ArmBuildResult {
  build: string;
  cpuMsPerRequest: Spread;
  requestsPerSecond: Spread;
  errors: number;
}

interface ArmResult {
  arm: string;
  builds: ArmBuildResult[];
  /** Current ÷ baseline CPU per request, one ratio per pair of adjacent windows. */
  cpuRatio?: Spread;
}

interface ProfiledArm {
  arm: string;
  build: string;
  requests: number;
  busyMsPerRequest: number;
  shares: CpuBreakdown['shares'];
  /** Inclusive and self time per request of the most expensive functions. */
  functions: (FunctionCost & { totalMsPerRequest: number; selfMsPerRequest: number })[];
}

function log(line: string): void {
  process.stderr.write(`request-cost: ${line}\n`);
}

async function recordGetRun(): Promise<RecordedExchange> {
  const mlflow = await startSeededMlflow();
  try {
    const env = {
      MLFLOW_TRACKING_URI: mlflow.server.url,
      MLOPS_MCP_WANDB: 'false',
      MLOPS_MCP_PREFECT: 'false',
    };
    const task = {
      name: 'MLflow get run',
      tool: 'mlflow_get_run',
      args: { runId: mlflow.seed.runs[0]!.id },
    };
    return await recordExchange(env, task);
  } finally {
    await mlflow.server.stop();
  }
}

async function measureArm(
  arm: Arm,
  builds: readonly Build[],
  gateways: ReadonlyMap<string, HttpGateway>,
): Promise<ArmResult> {
  const perBuild = builds.map((build) => ({
    build,
    gateway: gateways.get(`${build.name}/${arm.config}`)!,
    clients: [] as Client[],
    cpu: [] as number[],
    rates: [] as number[],
    errors: 0,
  }));
  for (const entry of perBuild) {
    entry.clients = await Promise.all(
      Array.from({ length: CLIENTS }, () => connectHttp(entry.gateway.mcpUrl)),
    );
    await runWindow(CLIENTS, WARMUP_MS, (i) => arm.send(entry.clients[i]!));
  }
  for (let window = 0; window < WINDOWS; window++) {
    // Flip which build goes first, so a drifting machine load favours neither.
    const order = window % 2 === 0 ? perBuild : [...perBuild].reverse();
    for (const entry of order) {
      const before = cpuSeconds(entry.gateway.pid);
      const result = await runWindow(CLIENTS, WINDOW_MS, (i) => arm.send(entry.clients[i]!));
      const cpuMs = (cpuSeconds(entry.gateway.pid) - before) * 1000;
      entry.errors += result.errors;
      entry.cpu.push(cpuMs / result.calls);
      entry.rates.push(result.calls / (result.elapsedMs / 1000));
    }
  }
  for (const entry of perBuild) {
    await Promise.allSettled(entry.clients.map((client) => client.close()));
  }
  const [current, baseline] = perBuild;
  return {
    arm: arm.name,
    builds: perBuild.map((entry) => ({
      build: entry.build.name,
      cpuMsPerRequest: spread(entry.cpu),
      requestsPerSecond: spread(entry.rates),
      errors: entry.errors,
    })),
    ...(baseline && {
      cpuRatio: spread(current!.cpu.map((cpu, i) => cpu / baseline.cpu[i]!)),
    }),
  };
}

async function profileArm(arm: Arm, build: Build, cannedUrl: string): Promise<ProfiledArm> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-mcp-request-cost-'));
  try {
    const gateway = await startHttpGateway(
      configEnv(arm.config, cannedUrl),
      ['--cpu-prof', `--cpu-prof-dir=${dir}`],
      build.bin,
    );
    let requests = 0;
    try {
      const clients = await Promise.all(
        Array.from({ length: CLIENTS }, () => connectHttp(gateway.mcpUrl)),
      );
      requests = (await runWindow(CLIENTS, PROFILE_MS, (i) => arm.send(clients[i]!))).calls;
      await Promise.allSettled(clients.map((client) => client.close()));
    } finally {
      await gateway.stop();
    }
    const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the gateway wrote no CPU profile');
    const profile = CpuProfileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    const { busyMs, shares } = cpuBreakdown(profile);
    const functions = functionCosts(profile)
      .filter((cost) => !/^\((root|program)\)$/.test(cost.function))
      .filter((cost, rank) => rank < 40 || WATCHED.test(cost.function))
      .map((cost) => ({
        ...cost,
        totalMsPerRequest: cost.totalMs / requests,
        selfMsPerRequest: cost.selfMs / requests,
      }));
    return {
      arm: arm.name,
      build: build.name,
      requests,
      busyMsPerRequest: busyMs / requests,
      shares,
      functions,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Builds apps/server as of `rev` into a temporary directory; returns its CLI and a cleanup. */
async function buildRevision(rev: string): Promise<{ bin: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-mcp-baseline-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', REPO, ...args], { maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: git('archive', rev, 'apps/server') });
  await writeFile(join(dir, 'tsconfig.base.json'), git('show', `${rev}:tsconfig.base.json`));
  const server = join(dir, 'apps', 'server');
  // The working tree's dependencies (packages/* included): only the server's code differs.
  await symlink(join(REPO, 'apps', 'server', 'node_modules'), join(server, 'node_modules'));
  const tsc = join(REPO, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: server, stdio: 'inherit' });
  return {
    bin: join(server, 'dist', 'cli', 'main.js'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const builds: Build[] = [{ name: 'current', bin: GATEWAY_BIN }];
  const rev = option('--baseline-rev');
  const baseline = option('--baseline');
  let built: Awaited<ReturnType<typeof buildRevision>> | undefined;
  if (rev !== undefined) {
    log(`building apps/server as of ${rev}`);
    built = await buildRevision(rev);
    builds.push({ name: `baseline (${rev})`, bin: built.bin });
  } else if (baseline !== undefined) {
    builds.push({ name: 'baseline', bin: resolve(baseline) });
  }
  const profile = args.includes('--profile');
  const started = performance.now();
  const loadAverageAtStart = os.loadavg();

  log('recording an MLflow runs/get answer from a seeded MLflow');
  const exchange = await recordGetRun();
  const canned = await startCannedBackend(exchange.body);
  const gateways = new Map<string, HttpGateway>();
  const results: ArmResult[] = [];
  const profiles: ProfiledArm[] = [];
  try {
    for (const build of builds) {
      for (const config of ['mlflow', 'default', 'all'] as const) {
        gateways.set(
          `${build.name}/${config}`,
          await startHttpGateway(configEnv(config, canned.url), [], build.bin),
        );
      }
    }
    for (const arm of arms(exchange)) {
      log(`measuring ${arm.name}`);
      results.push(await measureArm(arm, builds, gateways));
    }
    await Promise.all([...gateways.values()].map((gateway) => gateway.stop()));
    gateways.clear();
    if (profile) {
      for (const arm of arms(exchange)) {
        for (const build of builds) {
          log(`profiling ${arm.name} on ${build.name}`);
          profiles.push(await profileArm(arm, build, canned.url));
        }
      }
    }
  } finally {
    await Promise.allSettled([...gateways.values()].map((gateway) => gateway.stop()));
    await canned.stop();
    await built?.remove();
  }

  const header = [
    'request',
    ...builds.flatMap((b) => [`${b.name} CPU ms/request`, `${b.name} requests/s`]),
    ...(builds.length > 1 ? ['CPU current ÷ baseline'] : []),
  ];
  const rows = results.map((result) => [
    result.arm,
    ...result.builds.flatMap((b) => [
      spreadCell(b.cpuMsPerRequest, 2),
      spreadCell(b.requestsPerSecond, 0),
    ]),
    ...(result.cpuRatio ? [ratioCell(result.cpuRatio)] : []),
  ]);
  console.log(`\n${textTable(header, rows)}`);
  for (const profiled of profiles) {
    console.log(
      `\n${profiled.arm} [${profiled.build}]: ${profiled.requests} requests, ${profiled.busyMsPerRequest.toFixed(2)} ms busy per request`,
    );
    console.log(
      textTable(
        ['layer', 'share of busy time'],
        profiled.shares.map((share) => [share.category, `${share.percent.toFixed(1)} %`]),
      ),
    );
    console.log(
      textTable(
        ['function', 'total ms/req', 'self ms/req'],
        profiled.functions.map((f) => [
          f.function,
          f.totalMsPerRequest.toFixed(3),
          f.selfMsPerRequest.toFixed(3),
        ]),
      ),
    );
  }
  const date = new Date().toISOString().slice(0, 10);
  const file = `${BENCH_DIR}results/request-cost-${date}.json`;
  await mkdir(`${BENCH_DIR}results`, { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify(
      {
        date,
        builds,
        clients: CLIENTS,
        windows: WINDOWS,
        windowMs: WINDOW_MS,
        loadAverageAtStart,
        durationSeconds: (performance.now() - started) / 1000,
        results,
        profiles,
      },
      null,
      2,
    )}\n`,
  );
  log(`wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
