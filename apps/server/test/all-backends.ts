import { prefectSettingsFromEnv } from '@mlops-mcp/prefect';
import {
  type AllBackends as Backends,
  type SharedBackends,
  startAllBackends as startBackends,
} from '@mlops-mcp/testkit';
import { sharedMlflow, sharedPrefect, sharedStandin, sharedWeave } from '@mlops-mcp/testkit/vitest';
import { wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import type { GatewayConfigInput } from '../src/index.js';

/** Every backend running and seeded (testkit's startAllBackends), plus a gateway configuration. */
export interface AllBackends extends Backends {
  /** A gateway configuration with every backend enabled (Weave calls go to the seeded project). */
  gatewayConfig(extra?: Partial<GatewayConfigInput>): GatewayConfigInput;
}

/** testkit's startAllBackends, with the gateway configuration its environment describes. */
export async function startAllBackends(
  options: { mlflowEnv?: Record<string, string> } = {},
): Promise<AllBackends> {
  const backends = await startBackends(options);
  const env = backends.gatewayEnv;
  return {
    ...backends,
    gatewayConfig: (extra = {}) => ({
      mlflow: { trackingUri: env.MLFLOW_TRACKING_URI! },
      prefect: prefectSettingsFromEnv({ PREFECT_API_URL: env.PREFECT_API_URL }),
      wandb: wandbSettingsFromEnv(env),
      ...extra,
    }),
  };
}

/** The run's shared backends (test/global-setup.ts), with the gateway configuration that reaches them. */
export interface SharedAllBackends {
  mlflow: NonNullable<SharedBackends['mlflow']>;
  prefect: NonNullable<SharedBackends['prefect']>;
  weave: NonNullable<SharedBackends['weave']>;
  standin: NonNullable<SharedBackends['standin']>;
  gatewayEnv: Record<string, string>;
  /** A gateway configuration with every backend enabled; `prefectUrl` replaces Prefect's URL. */
  gatewayConfig(extra?: Partial<GatewayConfigInput>, prefectUrl?: string): GatewayConfigInput;
}

/**
 * Every shared backend, seeded once per run: real MLflow, Prefect and Weave and the W&B
 * stand-in. Tests read the seed; what they write goes into names of their own (uniqueName).
 */
export function sharedAllBackends(): SharedAllBackends {
  const [mlflow, prefect, weave, standin] = [
    sharedMlflow(),
    sharedPrefect(),
    sharedWeave(),
    sharedStandin(),
  ];
  const gatewayEnv = {
    MLFLOW_TRACKING_URI: mlflow.url,
    PREFECT_API_URL: prefect.url,
    WANDB_API_KEY: standin.apiKey,
    WANDB_BASE_URL: standin.url,
    WF_TRACE_SERVER_URL: weave.url,
    WANDB_ENTITY: standin.entity,
    WANDB_PROJECT: weave.seed.project,
  };
  return {
    mlflow,
    prefect,
    weave,
    standin,
    gatewayEnv,
    gatewayConfig: (extra = {}, prefectUrl = prefect.url) => ({
      mlflow: { trackingUri: mlflow.url },
      prefect: prefectSettingsFromEnv({ PREFECT_API_URL: prefectUrl }),
      wandb: wandbSettingsFromEnv(gatewayEnv),
      ...extra,
    }),
  };
}
