import type { MlflowSeed } from '../mlflow-seed.js';
import { type PrefectSeed, startSeededPrefect } from '../prefect-seed.js';
import { startSeededMlflow } from '../seeded-mlflow.js';
import { startWandbStandin } from '../wandb-standin/index.js';
import { startSeededWeave, type WeaveSeed } from '../weave-server.js';

/**
 * A real backend tests can share: `mlflow` and `prefect` are seeded servers, `weave` a seeded
 * Weave trace server (which brings the W&B stand-in it authenticates against), `standin` the
 * W&B GraphQL stand-in alone.
 */
export type BackendName = 'mlflow' | 'prefect' | 'weave' | 'standin';

/**
 * Where the shared backends listen and what their seed created: plain JSON, so a runner can hand
 * it to every vitest process (MLOPS_MCP_TEST_BACKENDS) and vitest to every test file (inject).
 */
export interface SharedBackends {
  mlflow?: { url: string; seed: MlflowSeed };
  prefect?: { url: string; seed: PrefectSeed };
  weave?: { url: string; apiKey: string; seed: WeaveSeed };
  standin?: { url: string; apiKey: string; entity: string };
}

/** Backends started by this process, and how to stop them. */
export interface StartedBackends {
  backends: SharedBackends;
  stop(): Promise<void>;
}

/**
 * Starts the named backends in parallel, each seeded once and left exactly as seeded (unlike
 * startAllBackends, no lineage tag: a package's own run and a shared run must look alike). If
 * any start fails, the ones that did are stopped before the error is rethrown.
 */
export async function startBackends(needs: readonly BackendName[]): Promise<StartedBackends> {
  const want = new Set(needs);
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    await Promise.allSettled(stops.map((stopOne) => stopOne()));
  };
  const backends: SharedBackends = {};
  try {
    if (want.has('standin') || want.has('weave')) {
      const standin = await startWandbStandin();
      stops.push(() => standin.stop());
      backends.standin = { url: standin.url, apiKey: standin.apiKey, entity: standin.entity };
    }
    const standin = backends.standin;
    const started = await Promise.allSettled([
      want.has('mlflow')
        ? startSeededMlflow().then(({ server, seed }) => {
            stops.push(() => server.stop());
            backends.mlflow = { url: server.url, seed };
          })
        : undefined,
      want.has('prefect')
        ? startSeededPrefect().then(({ server, seed }) => {
            stops.push(() => server.stop());
            backends.prefect = { url: server.url, seed };
          })
        : undefined,
      want.has('weave') && standin
        ? startSeededWeave({ apiKey: standin.apiKey, entity: standin.entity }).then(
            ({ server, seed }) => {
              stops.push(() => server.stop());
              backends.weave = { url: server.url, apiKey: server.apiKey, seed };
            },
          )
        : undefined,
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  } catch (error) {
    await stop();
    throw error;
  }
  return { backends, stop };
}
