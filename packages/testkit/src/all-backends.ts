import type { MlflowSeed } from './mlflow-seed.js';
import { type PrefectSeed, startSeededPrefect } from './prefect-seed.js';
import type { RunningServer } from './running-server.js';
import { startSeededMlflow } from './seeded-mlflow.js';
import { startWandbStandin, type WandbStandin } from './wandb-standin/index.js';
import { type RunningWeaveServer, startSeededWeave, type WeaveSeed } from './weave-server.js';

/** Every backend running and seeded: real MLflow, Prefect and Weave, and the W&B stand-in. */
export interface AllBackends {
  mlflow: { server: RunningServer; seed: MlflowSeed };
  prefect: { server: RunningServer; seed: PrefectSeed };
  weave: { server: RunningWeaveServer; seed: WeaveSeed };
  standin: WandbStandin;
  /**
   * The environment a gateway reads to reach every backend (MLFLOW_TRACKING_URI,
   * PREFECT_API_URL, WANDB_*, WF_TRACE_SERVER_URL); Weave calls go to the seeded project.
   */
  gatewayEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts and seeds every backend at once, and links the first seeded MLflow run to the completed
 * Prefect flow run by the lineage convention (run tag `prefect.flow_run_id`). If any backend
 * fails to start, the ones that did are stopped before the error is rethrown.
 */
export async function startAllBackends(
  options: { mlflowEnv?: Record<string, string> } = {},
): Promise<AllBackends> {
  const standin = await startWandbStandin();
  const started = await Promise.allSettled([
    startSeededMlflow(options.mlflowEnv ? { env: options.mlflowEnv } : {}),
    startSeededPrefect(),
    startSeededWeave({ apiKey: standin.apiKey, entity: standin.entity }),
  ]);
  const [mlflow, prefect, weave] = started;
  if (
    mlflow.status !== 'fulfilled' ||
    prefect.status !== 'fulfilled' ||
    weave.status !== 'fulfilled'
  ) {
    await Promise.all([
      standin.stop(),
      ...started.map((result) =>
        result.status === 'fulfilled' ? result.value.server.stop() : undefined,
      ),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    throw failed?.reason;
  }
  const backends = { mlflow: mlflow.value, prefect: prefect.value, weave: weave.value, standin };
  const stop = async () => {
    await Promise.all([
      backends.mlflow.server.stop(),
      backends.prefect.server.stop(),
      backends.weave.server.stop(),
      standin.stop(),
    ]);
  };
  try {
    // MLflow's own REST API, so the testkit needs no gateway package.
    const response = await fetch(`${backends.mlflow.server.url}/api/2.0/mlflow/runs/set-tag`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        run_id: backends.mlflow.seed.runs[0]!.id,
        key: 'prefect.flow_run_id',
        value: backends.prefect.seed.flowRuns.completed,
      }),
    });
    if (!response.ok) {
      throw new Error(
        `testkit: tagging the seeded MLflow run failed: ${response.status} ${await response.text()}`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    ...backends,
    gatewayEnv: {
      MLFLOW_TRACKING_URI: backends.mlflow.server.url,
      PREFECT_API_URL: backends.prefect.server.url,
      WANDB_API_KEY: standin.apiKey,
      WANDB_BASE_URL: standin.url,
      WF_TRACE_SERVER_URL: backends.weave.server.url,
      WANDB_ENTITY: standin.entity,
      WANDB_PROJECT: backends.weave.seed.project,
    },
    stop,
  };
}
