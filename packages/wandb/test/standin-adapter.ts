import { startWandbStandin, type WandbStandin, type WandbStandinOptions } from '@mlops-mcp/testkit';
import { afterAll } from 'vitest';
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

/**
 * A stand-in and adapter of one test file's own (see startStandinAdapter), started when the file
 * loads and both closed after it: `const { standin, wandb } = await useStandinAdapter();`.
 */
export async function useStandinAdapter(
  env: Record<string, string> = {},
  standinOptions: WandbStandinOptions = {},
): Promise<{ standin: WandbStandin; wandb: WandbAdapter }> {
  const pair = await startStandinAdapter(env, standinOptions);
  afterAll(async () => {
    await pair.wandb.close();
    await pair.standin.stop();
  });
  return pair;
}
