import { createMlflowAdapter } from '@mlops-mcp/mlflow';
import { prefectSettingsFromEnv } from '@mlops-mcp/prefect';
import {
  type MlflowSeed,
  type PrefectSeed,
  type RunningServer,
  type RunningWeaveServer,
  startSeededMlflow,
  startSeededPrefect,
  startSeededWeave,
  startWandbStandin,
  type WandbStandin,
  type WeaveSeed,
} from '@mlops-mcp/testkit';
import { wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import type { GatewayConfigInput } from '../src/index.js';

/** Every backend running and seeded: real MLflow, Prefect and Weave, and the W&B stand-in. */
export interface AllBackends {
  mlflow: { server: RunningServer; seed: MlflowSeed };
  prefect: { server: RunningServer; seed: PrefectSeed };
  weave: { server: RunningWeaveServer; seed: WeaveSeed };
  standin: WandbStandin;
  /** A gateway configuration with every backend enabled (Weave calls go to the seeded project). */
  gatewayConfig(extra?: Partial<GatewayConfigInput>): GatewayConfigInput;
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
  const linker = createMlflowAdapter({ trackingUri: backends.mlflow.server.url });
  try {
    await linker.setRunTag(
      backends.mlflow.seed.runs[0]!.id,
      'prefect.flow_run_id',
      backends.prefect.seed.flowRuns.completed,
    );
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await linker.close();
  }
  return {
    ...backends,
    gatewayConfig: (extra = {}) => ({
      mlflow: { trackingUri: backends.mlflow.server.url },
      prefect: prefectSettingsFromEnv({ PREFECT_API_URL: backends.prefect.server.url }),
      wandb: wandbSettingsFromEnv({
        WANDB_API_KEY: standin.apiKey,
        WANDB_BASE_URL: standin.url,
        WF_TRACE_SERVER_URL: backends.weave.server.url,
        WANDB_ENTITY: standin.entity,
        WANDB_PROJECT: backends.weave.seed.project,
      }),
      ...extra,
    }),
    stop,
  };
}
