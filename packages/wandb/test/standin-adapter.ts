import { startWandbStandin, type WandbStandin, type WandbStandinOptions } from '@mlops-mcp/testkit';
import { createWandbAdapter, type WandbAdapter, wandbSettingsFromEnv } from '../src/index.js';

/** A started stand-in and an adapter configured for it the way a user's environment would. */
export async function startStandinAdapter(
  env: Record<string, string> = {},
  standinOptions: WandbStandinOptions = {},
): Promise<{ standin: WandbStandin; wandb: WandbAdapter }> {
  const standin = await startWandbStandin(standinOptions);
  const settings = wandbSettingsFromEnv({
    WANDB_API_KEY: standin.apiKey,
    WANDB_BASE_URL: standin.url,
    ...env,
  });
  if (!settings) throw new Error('no W&B settings from the stand-in environment');
  return { standin, wandb: createWandbAdapter(settings) };
}
