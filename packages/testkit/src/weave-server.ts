import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchServer } from './launch-server.js';
import { packageRoot } from './paths.js';
import { pythonEnv } from './python-env.js';
import type { RunningServer, StartServerOptions } from './running-server.js';
import { runSeedScript } from './seed-script.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** A running Weave trace server and the one API key it accepts (HTTP basic `api:<key>`). */
export type RunningWeaveServer = RunningServer & { apiKey: string };

/** One agent trace the seed created (root call `agent` with retrieve → llm_call children). */
export interface SeededWeaveTrace {
  /** Root call id. */
  id: string;
  traceId: string;
  /** Exception type when the trace failed (RuntimeError, TimeoutError, ValueError), else null. */
  error: string | null;
  question: string;
  /** Backfilled traces only: explicit start time (ISO) and latency. */
  startedAt?: string;
  latencyMs?: number;
}

/** A published object version. */
export interface SeededWeaveObject {
  name: string;
  digest: string;
  /** `weave:///<entity>/<project>/object/<name>:<digest>` */
  uri: string;
}

/** Manifest printed by python/seed_weave.py: everything the seed created, by id. */
export interface WeaveSeed {
  entity: string;
  project: string;
  /** `<entity>/<project>` */
  projectId: string;
  /** 9 traces run now (4 failing) then 6 backfilled over the last 30 hours (all succeeding). */
  agentTraces: SeededWeaveTrace[];
  /** Root call ids of the failing agent traces. */
  errorTraceIds: string[];
  /** A root call (`summarize_document`) with a 60 000-char input and an output of `bigOutputChars`. */
  bigCallId: string;
  bigOutputChars: number;
  /** Feedback by call: reaction, note and a `correctness` payload on one call; two on a failure. */
  feedback: { callId: string; type: string; id: string }[];
  /** Two versions each of `dataset` and `prompt` (oldest first), one model, one evaluation. */
  objects: {
    dataset: SeededWeaveObject[];
    prompt: SeededWeaveObject[];
    model: SeededWeaveObject;
    evaluation: SeededWeaveObject;
  };
  evaluationSummary: Record<string, unknown>;
}

const SERVER_SCRIPT = join(packageRoot, 'python', 'weave_server.py');

// Settings that keep the weave SDK offline and quiet: no GraphQL (nothing listens on port 9, so
// a stray call fails at once instead of hanging), no Sentry, no call links, no disk caches.
export const OFFLINE_WEAVE_ENV: Record<string, string> = {
  WANDB_BASE_URL: 'http://127.0.0.1:9',
  WANDB_ERROR_REPORTING: 'false',
  WANDB_SILENT: 'true',
  WEAVE_PRINT_CALL_LINK: 'false',
  WEAVE_IMPLICITLY_PATCH_INTEGRATIONS: 'false',
  WEAVE_USE_SERVER_CACHE: 'false',
};

/**
 * Start Weave's SQLite reference trace server behind the SDK's HTTP routes
 * (python/weave_server.py) on 127.0.0.1 with a fresh random API key; wait for /health.
 */
export async function startWeaveServer(
  opts: StartServerOptions & { apiKey?: string } = {},
): Promise<RunningWeaveServer> {
  const py = await pythonEnv();
  const apiKey = opts.apiKey ?? randomBytes(20).toString('hex');
  const server = await launchServer({
    name: 'weave',
    port: opts.port,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    url: (port) => `http://127.0.0.1:${port}`,
    healthUrl: (port) => `http://127.0.0.1:${port}/health`,
    command: (dir, port) => ({
      cmd: py.bin('python'),
      args: [SERVER_SCRIPT, '--port', String(port), '--db', join(dir, 'weave.db')],
      env: childEnv(['WANDB_', 'WF_', 'WEAVE_'], {
        ...OFFLINE_PYTHON_ENV,
        // The key travels in the environment, not argv, so `ps` does not show it.
        WEAVE_TEST_API_KEY: apiKey,
        ...opts.env,
      }),
    }),
  });
  return { ...server, apiKey };
}

/** Seed the trace server at `url` through the real weave SDK (python/seed_weave.py). */
export async function seedWeave(
  url: string,
  apiKey: string,
  opts: { timeoutMs?: number; entity?: string } = {},
): Promise<WeaveSeed> {
  // The SDK may write caches under the home directory: give it a throwaway one.
  const home = await mkdtemp(join(tmpdir(), 'mlops-mcp-weave-seed-'));
  try {
    const env = childEnv(['WANDB_', 'WF_', 'WEAVE_'], {
      ...OFFLINE_PYTHON_ENV,
      ...OFFLINE_WEAVE_ENV,
      HOME: home,
      XDG_CACHE_HOME: join(home, '.cache'),
      WF_TRACE_SERVER_URL: url,
      WANDB_API_KEY: apiKey,
      ...(opts.entity ? { WEAVE_SEED_ENTITY: opts.entity } : {}),
    });
    return await runSeedScript('seed_weave.py', {
      env,
      timeoutMs: opts.timeoutMs ?? 180_000,
      check: assertSeed,
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Start a Weave trace server and seed it; the server is stopped again if seeding fails. */
export async function startSeededWeave(
  opts: StartServerOptions & { apiKey?: string; entity?: string } = {},
): Promise<{ server: RunningWeaveServer; seed: WeaveSeed }> {
  const server = await startWeaveServer(opts);
  try {
    const started = Date.now();
    const seed = await seedWeave(
      server.url,
      server.apiKey,
      opts.entity ? { entity: opts.entity } : {},
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `testkit: seeded ${seed.agentTraces.length} weave agent traces in ${seconds} s\n`,
    );
    return { server, seed };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function assertSeed(value: unknown): WeaveSeed {
  const seed = value as Partial<WeaveSeed> | null;
  if (
    !seed ||
    typeof seed.projectId !== 'string' ||
    !Array.isArray(seed.agentTraces) ||
    !Array.isArray(seed.feedback) ||
    typeof seed.bigCallId !== 'string' ||
    !seed.objects
  ) {
    throw new Error('manifest is missing projectId, agentTraces, feedback, bigCallId or objects');
  }
  return seed as WeaveSeed;
}
