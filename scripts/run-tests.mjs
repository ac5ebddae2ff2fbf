// Runs every workspace package's tests (`vitest run` via its `test` script), a few packages at a
// time, the longest first, each line of output prefixed with the package's name. Goes on after a
// failure and exits 1 if any package failed. `pnpm test` runs it; scripts/test.sh through it.
//
//   node scripts/run-tests.mjs [--jobs N] [package-dir...]
//
// Why not `turbo run test`: turbo cannot be told to start the long suites first, and with two
// slots the order decides the total. Every package reads the same shared real backends when
// scripts/test.sh started them (MLOPS_MCP_TEST_BACKENDS); each test isolates itself in its own
// experiment / project / flow, so packages can run side by side. Default jobs: 2 (the machines
// this runs on have 2 cores and the tests mostly wait on real servers); MLOPS_MCP_TEST_JOBS or
// --jobs overrides.
//
// While the shared backends are still starting (MLOPS_MCP_TEST_BACKENDS_READY names a file
// test.sh writes "ready" or "failed" into once they are up or gone), one worker holds the first
// package that uses them (`withBackends` in its vitest config) and the others run packages that
// do not. If they failed,
// those packages run without MLOPS_MCP_TEST_BACKENDS and start servers of their own.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Packages whose suites took longest in CI, longest first; any other package runs after them. */
const LONGEST_FIRST = [
  'apps/server',
  'evals',
  'packages/mlflow',
  'packages/prefect',
  'packages/testkit',
  'packages/wandb',
  'packages/mlops-mcp',
];

const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = Math.max(
  1,
  Number(jobsAt === -1 ? (process.env.MLOPS_MCP_TEST_JOBS ?? 2) : args.splice(jobsAt, 2)[1]) || 1,
);

function testablePackages() {
  const dirs = [
    ...['packages', 'apps'].flatMap((root) =>
      existsSync(root) ? readdirSync(root).map((dir) => join(root, dir)) : [],
    ),
    'examples',
    'bench',
    'evals',
  ];
  return dirs.filter((dir) => {
    const file = join(dir, 'package.json');
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).scripts?.test;
  });
}

const chosen = args.length > 0 ? args : testablePackages();
const rank = (dir) => {
  const at = LONGEST_FIRST.indexOf(dir);
  return at === -1 ? LONGEST_FIRST.length : at;
};
const queue = [...chosen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** Whether a package's tests use the run's shared backends (its vitest config says so). */
function needsBackends(dir) {
  const config = join(dir, 'vitest.config.ts');
  return existsSync(config) && readFileSync(config, 'utf8').includes('withBackends');
}

/** Resolves with the file's first word once it exists (test.sh renames it into place whole). */
function settledState(file) {
  return new Promise((resolve, reject) => {
    const read = () => readFileSync(file, 'utf8').trim();
    const watcher = watch(dirname(file), (_event, name) => {
      if (name === basename(file) && existsSync(file)) done();
    });
    const done = () => {
      watcher.close();
      resolve(read());
    };
    watcher.on('error', reject);
    if (existsSync(file)) done();
  });
}

const readyFile = process.env.MLOPS_MCP_TEST_BACKENDS_READY;
let backends = readyFile ? undefined : 'ready';
const backendsSettled = readyFile
  ? settledState(readyFile).then((state) => {
      backends = state;
      if (state !== 'ready')
        console.error('run-tests: the shared backends did not start; each package starts its own');
      return state;
    })
  : Promise.resolve('ready');

/** Whether a worker already holds the head of the queue until the backends settle. */
let holding = false;

/**
 * The next package to run. While the backends start, the first worker to find a package that
 * needs them at the head of the queue holds it (the longest suite should start first, not last)
 * and the other workers take packages that need none; after that, strictly in queue order.
 */
async function next() {
  if (queue.length === 0) return undefined;
  if (backends !== undefined || !needsBackends(queue[0])) return queue.shift();
  if (!holding) {
    holding = true;
    const head = queue.shift();
    await backendsSettled;
    holding = false;
    return head;
  }
  const now = queue.findIndex((dir) => !needsBackends(dir));
  if (now !== -1) return queue.splice(now, 1)[0];
  await backendsSettled;
  return queue.shift();
}

function childEnv(dir) {
  if (backends === 'ready' || !needsBackends(dir)) return process.env;
  const { MLOPS_MCP_TEST_BACKENDS: _, ...env } = process.env;
  return env;
}

/** Writes `text` line by line, each line prefixed; keeps a partial last line for the next chunk. */
function prefixer(prefix, out) {
  let pending = '';
  return {
    write(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(`${prefix}${line}\n`);
    },
    end() {
      if (pending) out.write(`${prefix}${pending}\n`);
      pending = '';
    },
  };
}

function run(dir) {
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name ?? dir;
  const started = Date.now();
  const out = prefixer(`${name}:test: `, process.stdout);
  const err = prefixer(`${name}:test: `, process.stderr);
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['--silent', 'run', 'test'], {
      cwd: dir,
      env: childEnv(dir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk) => out.write(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => err.write(chunk));
    const finish = (code) => {
      out.end();
      err.end();
      const seconds = Math.round((Date.now() - started) / 1000);
      resolve({ name, ok: code === 0, seconds });
    };
    child.on('error', (error) => {
      err.write(`could not start: ${error.message}\n`);
      finish(1);
    });
    child.on('close', finish);
  });
}

const results = [];
async function worker() {
  for (let dir = await next(); dir !== undefined; dir = await next()) results.push(await run(dir));
}
await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));

const failed = results.filter((result) => !result.ok);
console.log(
  `run-tests: ${results.length} packages, ${jobs} at a time: ${results
    .map((result) => `${result.name} ${result.seconds}s${result.ok ? '' : ' FAILED'}`)
    .join(', ')}`,
);
process.exit(failed.length > 0 ? 1 : 0);
