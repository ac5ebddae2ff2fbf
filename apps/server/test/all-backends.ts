import { prefectSettingsFromEnv } from '@mlops-mcp/prefect';
import {
  type AllBackends as Backends,
  startAllBackends as startBackends,
} from '@mlops-mcp/testkit';
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
