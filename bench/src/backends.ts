import {
  type MlflowSeed,
  type PrefectSeed,
  type RunningServer,
  seedWeave,
  startSeededMlflow,
  startSeededPrefect,
  startWandbStandin,
  startWeaveServer,
  type WandbStandin,
  type WeaveSeed,
} from '@mlops-mcp/testkit';

/** The real backends the benchmarks run against, seeded, with the env that configures them. */
export interface Backends {
  mlflow: { server: RunningServer; seed: MlflowSeed };
  prefect: { server: RunningServer; seed: PrefectSeed };
  weave: { server: RunningServer; seed: WeaveSeed };
  wandb: WandbStandin;
  /** Variables that point a gateway at all four, as a user's environment would. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts seeded MLflow, Prefect and Weave servers (real, from PyPI) and the W&B GraphQL stand-in.
 * Weave shares the stand-in's API key, so one WANDB_API_KEY serves both halves of the W&B
 * backend, as it does against W&B itself.
 */
export async function startBackends(): Promise<Backends> {
  const started: { stop(): Promise<void> }[] = [];
  try {
    const wandb = await startWandbStandin();
    started.push(wandb);
    // Python servers one after another: three cold Python starts at once on two shared cores
    // only make each slower.
    const mlflow = await startSeededMlflow();
    started.push(mlflow.server);
    const prefect = await startSeededPrefect();
    started.push(prefect.server);
    const weaveServer = await startWeaveServer({ env: { WEAVE_TEST_API_KEY: wandb.apiKey } });
    started.push(weaveServer);
    const weaveSeed = await seedWeave(weaveServer.url, wandb.apiKey);
    return {
      mlflow,
      prefect,
      weave: { server: weaveServer, seed: weaveSeed },
      wandb,
      env: {
        MLFLOW_TRACKING_URI: mlflow.server.url,
        PREFECT_API_URL: prefect.server.url,
        WANDB_API_KEY: wandb.apiKey,
        WANDB_BASE_URL: wandb.url,
        WF_TRACE_SERVER_URL: weaveServer.url,
      },
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function stopAll(servers: readonly { stop(): Promise<void> }[]): Promise<void> {
  await Promise.allSettled(servers.map((server) => server.stop()));
}
