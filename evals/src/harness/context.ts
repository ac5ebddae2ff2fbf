import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AllBackends,
  childEnv,
  OFFLINE_PYTHON_ENV,
  OFFLINE_WEAVE_ENV,
  pythonEnv,
  runCapture,
} from '@mlops-mcp/testkit';
import type { SeedContext } from '../task.js';

const PYTHON_TIMEOUT_MS = 120_000;

/** A short prefix per task, the same every run: names keep their length (stable token counts). */
export function prefixOf(id: string): string {
  return `e${createHash('sha1').update(id).digest('hex').slice(0, 6)}`;
}

/** JSON over HTTP; throws with the status and the body on a non-2xx answer. */
export async function rest<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 2000)}`);
  }
  return (text === '' ? {} : JSON.parse(text)) as T;
}

/**
 * What every task's seed and truth share: the servers' URLs, a Python runner with the backends'
 * clients and a scratch home (so Prefect and Weave write no profile or cache under ~), and REST.
 */
export class SeedWorld {
  private scripts = 0;

  private constructor(
    readonly backends: AllBackends,
    private readonly home: string,
  ) {}

  static async create(backends: AllBackends): Promise<SeedWorld> {
    await pythonEnv();
    return new SeedWorld(backends, await mkdtemp(join(tmpdir(), 'mlops-mcp-evals-')));
  }

  /** The environment of `ctx.python` scripts (before the task's own `env`). */
  pythonEnv(): NodeJS.ProcessEnv {
    const { mlflow, prefect, weave, standin } = this.backends;
    return childEnv(['MLFLOW_', 'PREFECT_', 'WANDB_', 'WF_', 'WEAVE_'], {
      ...OFFLINE_PYTHON_ENV,
      // The weave SDK must not reach W&B's GraphQL API: see testkit's seed_weave.py for how to
      // build a WeaveClient on WF_TRACE_SERVER_URL without weave.init.
      ...OFFLINE_WEAVE_ENV,
      HOME: this.home,
      XDG_CACHE_HOME: join(this.home, '.cache'),
      MLFLOW_TRACKING_URI: mlflow.server.url,
      PREFECT_API_URL: prefect.server.url,
      PREFECT_HOME: join(this.home, 'prefect'),
      PREFECT_PROFILES_PATH: join(this.home, 'prefect', 'profiles.toml'),
      WF_TRACE_SERVER_URL: weave.server.url,
      WANDB_API_KEY: weave.server.apiKey,
      WEAVE_ENTITY: standin.entity,
      WEAVE_PROJECT: weave.seed.project,
    });
  }

  context(prefix: string): SeedContext {
    const { mlflow, prefect, weave, standin } = this.backends;
    return {
      mlflowUrl: mlflow.server.url,
      prefectUrl: prefect.server.url,
      wandb: { url: standin.url, apiKey: standin.apiKey, entity: standin.entity },
      weave: {
        url: weave.server.url,
        apiKey: weave.server.apiKey,
        entity: standin.entity,
        project: weave.seed.project,
      },
      prefix,
      python: async <T>(script: string, env: Record<string, string> = {}) => {
        const py = await pythonEnv();
        // A file, not `-c`: tracebacks then name it, and errors do not echo the whole script.
        const file = join(this.home, `${prefix}-${++this.scripts}.py`);
        await writeFile(file, script);
        const { stdout, stderr } = await runCapture(
          py.bin('python'),
          [file],
          { ...this.pythonEnv(), EVAL_PREFIX: prefix, ...env },
          PYTHON_TIMEOUT_MS,
        );
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          return JSON.parse(line) as T;
        } catch {
          throw new Error(
            `python script printed no JSON last line (got ${JSON.stringify(line.slice(0, 200))})\n${stderr.slice(-3000)}`,
          );
        }
      },
      rest,
    };
  }

  async close(): Promise<void> {
    await rm(this.home, { recursive: true, force: true });
  }
}
