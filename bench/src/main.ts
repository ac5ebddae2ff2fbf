import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startBackends } from './backends.js';
import { benchmarksDoc, keptFindings } from './benchmarks-doc.js';
import { measureColdStart } from './cold-start.js';
import { textTable } from './format.js';
import { profileGateway } from './gateway-profile.js';
import { measureOverhead } from './overhead.js';
import { resultTables } from './result-tables.js';
import { type BenchResults, BenchResultsSchema } from './results-schema.js';
import { spread } from './stats.js';
import { overheadTasks, tokenTasks } from './tasks.js';
import { measureThroughput, recordExchange } from './throughput.js';
import { measureTaskTokens, measureToolList } from './tokens.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/BENCHMARKS.md', import.meta.url));

/** Iteration counts; BENCH_QUICK=1 shrinks them for a smoke run (results are not written). */
const QUICK = process.env.BENCH_QUICK === '1';
const SETTINGS = QUICK
  ? { warmup: 5, rounds: 3, iterations: 20, coldStarts: 3, windows: 2, windowMs: 1000 }
  : { warmup: 50, rounds: 5, iterations: 200, coldStarts: 10, windows: 4, windowMs: 3000 };
const LEVELS = [1, 8, 32, 128];

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAverageAtStart = os.loadavg();
  log(`starting seeded backends (MLflow, Prefect, Weave, W&B stand-in)${QUICK ? ' [quick]' : ''}`);
  const backends = await startBackends();
  let throughputExchange: Awaited<ReturnType<typeof recordExchange>>;
  let partial: Pick<BenchResults, 'settings' | 'overhead' | 'coldStart' | 'tokens'>;
  try {
    log('tokens: tools/list per profile and responses per task');
    const toolList = await measureToolList(backends.env);
    const tasks = await measureTaskTokens(backends.env, tokenTasks(backends));
    log('cold start over stdio');
    const coldStart = await measureColdStart(backends.env, SETTINGS.coldStarts);
    log('overhead: direct vs in-process vs HTTP vs stdio');
    const overhead = await measureOverhead(backends, overheadTasks(backends), SETTINGS, log);
    const getRun = overheadTasks(backends).find((task) => task.tool === 'mlflow_get_run')!;
    throughputExchange = await recordExchange(backends.env, getRun);
    partial = {
      settings: { ...SETTINGS, levels: LEVELS.join(',') },
      overhead,
      coldStart,
      tokens: { toolList, tasks, ratio: spread(tasks.map((task) => task.ratio)) },
    };
  } finally {
    // The Python servers have background work of their own: stop them before the load runs.
    await backends.stop();
  }
  log('throughput and memory over HTTP');
  const { levels, memory } = await measureThroughput(
    throughputExchange,
    { levels: LEVELS, windows: SETTINGS.windows, windowMs: SETTINGS.windowMs, warmupMs: 5000 },
    log,
  );
  log('profiling the HTTP gateway under load');
  const gatewayProfile = await profileGateway(throughputExchange, 8, SETTINGS.windowMs * 2);
  const results: BenchResults = BenchResultsSchema.parse({
    date: new Date().toISOString().slice(0, 10),
    commit: execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memGiB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.versions.node,
      loadAverageAtStart: loadAverageAtStart.map((load) => Math.round(load * 100) / 100),
    },
    ...partial,
    throughput: {
      backend: 'a canned backend replaying a recorded MLflow runs/get answer',
      tool: throughputExchange.task.tool,
      levels,
    },
    memory,
    gatewayProfile,
    durationSeconds: (performance.now() - started) / 1000,
  });

  const tables = resultTables(results);
  for (const table of tables) {
    console.log(`\n${table.title}\n${textTable(table.header, table.rows)}`);
  }
  if (QUICK) {
    log('quick run: results not written');
    return;
  }
  const resultsFile = `bench/results/${results.date}.json`;
  await mkdir(`${BENCH_DIR}results`, { recursive: true });
  await writeFile(
    `${BENCH_DIR}results/${results.date}.json`,
    `${JSON.stringify(results, null, 2)}\n`,
  );
  const existing = await readFile(DOC, 'utf8').catch(() => undefined);
  await writeFile(DOC, benchmarksDoc(results, tables, keptFindings(existing), resultsFile));
  log(`wrote ${resultsFile} and docs/BENCHMARKS.md`);
}

/** Rewrites docs/BENCHMARKS.md from a results file, keeping its findings; measures nothing. */
async function render(file: string): Promise<void> {
  const results = BenchResultsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const existing = await readFile(DOC, 'utf8').catch(() => undefined);
  const resultsFile = `bench/results/${results.date}.json`;
  await writeFile(
    DOC,
    benchmarksDoc(results, resultTables(results), keptFindings(existing), resultsFile),
  );
  log(`rewrote docs/BENCHMARKS.md from ${file}`);
}

const [flag, file] = process.argv.slice(2);
(flag === '--render' && file ? render(file) : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
