import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrefect } from './prefect-server.js';
import type { RunningServer, StartServerOptions } from './running-server.js';
import { runSeedScript } from './seed-script.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** Manifest printed by python/seed_prefect.py: everything the seed created, by id and name. */
export interface PrefectSeed {
  /** Flow ids by flow name: nightly-etl, train-model, weekly-report. */
  flows: Record<string, string>;
  /** Deployment ids by "<flow>/<deployment>": nightly-etl/prod, train-model/gpu, weekly-report/paused (paused). */
  deployments: Record<string, string>;
  /** Pool names: `noWorker` (no worker ever), `limited` (limit 1, one online worker, full), `paused`. */
  workPools: { noWorker: string; limited: string; paused: string };
  /** A queue of the limited pool with concurrency limit 1, held by the running run. */
  queue: string;
  /** A paused queue of the pool with no worker. */
  pausedQueue: string;
  /** The worker that heartbeats into the limited pool. */
  worker: string;
  /**
   * Flow run ids by role: completed, failed, crashed, cancelled, running (holds the limited pool's
   * slot), pending, late (Late in the pool with no worker), lateLimited (Late in the full pool),
   * scheduled (due tomorrow), cancellable (PENDING, for cancel tests).
   */
  flowRuns: Record<
    | 'completed'
    | 'failed'
    | 'crashed'
    | 'cancelled'
    | 'running'
    | 'pending'
    | 'late'
    | 'lateLimited'
    | 'scheduled'
    | 'cancellable',
    string
  >;
  /** Task runs of the failed flow run. */
  taskRuns: { completed: string; failed: string };
  /** Log lines of the failed flow run; the last is an ERROR with a traceback. */
  logCount: number;
  /** Tag of the tag-based concurrency limit. */
  tagLimit: string;
  /** Global concurrency limits: `full` is at capacity, `free` is not. */
  globalLimits: { full: string; free: string };
  variables: string[];
  /** A Secret block; `value` is what must never surface through the tools. */
  secretBlock: { name: string; id: string; value: string };
  /** Threshold 3 within 1 h on prefect.flow-run.Failed. */
  automation: { id: string; name: string };
  /** Custom events: `batchProcessed` acme.orders.batch.processed and `warehouse` acme.warehouse.unreachable. */
  events: { batchProcessed: number; warehouse: number; prefix: string };
  failedMessage: string;
  crashedMessage: string;
}

/** Seed the Prefect server at `apiUrl` (its /api URL) through the official Python client. */
export async function seedPrefect(
  apiUrl: string,
  opts: { timeoutMs?: number } = {},
): Promise<PrefectSeed> {
  // The client writes a profile and caches under PREFECT_HOME: keep them out of ~/.prefect.
  const home = await mkdtemp(join(tmpdir(), 'mlops-mcp-prefect-seed-'));
  try {
    const env = childEnv(['PREFECT_'], {
      ...OFFLINE_PYTHON_ENV,
      PREFECT_API_URL: apiUrl,
      PREFECT_HOME: home,
      PREFECT_PROFILES_PATH: join(home, 'profiles.toml'),
    });
    return await runSeedScript('seed_prefect.py', {
      env,
      timeoutMs: opts.timeoutMs ?? 120_000,
      check: assertSeed,
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Start a Prefect server and seed it; the server is stopped again if seeding fails. */
export async function startSeededPrefect(
  opts: StartServerOptions = {},
): Promise<{ server: RunningServer; seed: PrefectSeed }> {
  const server = await startPrefect(opts);
  try {
    const started = Date.now();
    const seed = await seedPrefect(server.url);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`testkit: seeded prefect in ${seconds} s\n`);
    return { server, seed };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function assertSeed(value: unknown): PrefectSeed {
  const seed = value as Partial<PrefectSeed> | null;
  if (!seed || typeof seed.flowRuns !== 'object' || typeof seed.deployments !== 'object') {
    throw new Error('manifest is missing flowRuns or deployments');
  }
  return seed as PrefectSeed;
}
