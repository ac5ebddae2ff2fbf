import os from 'node:os';
import { requireHttpUrl, secrets } from '@mlops-mcp/core';
import { z } from 'zod';
import { netrcFilePath, readNetrcPassword } from './netrc-file.js';
import { WANDB_CLOUD_BASE_URL, weaveTraceServerUrl } from './trace-server-url.js';

const HttpUrl = z.url({ protocol: /^https?$/ });

/** How to reach W&B (GraphQL API) and its Weave trace server. */
export const WandbSettingsSchema = z.object({
  apiKey: z.string().min(1),
  baseUrl: HttpUrl,
  graphqlUrl: HttpUrl,
  traceServerUrl: HttpUrl,
  entity: z.string().optional(),
  project: z.string().optional(),
  /** Where the key came from, so diagnostics can say which file or variable to fix. */
  apiKeySource: z.enum(['env', 'netrc']),
});
export type WandbSettings = z.infer<typeof WandbSettingsSchema>;

/** Options for {@link wandbSettingsFromEnv}; `homeDir` lets tests use a fake home. */
export interface WandbSettingsOptions {
  homeDir?: string;
  /**
   * Fall back to the key `wandb login` stored in ~/.netrc (default true). Settings built from a
   * request's headers pass false: they must never pick up the gateway host's key.
   */
  useNetrc?: boolean;
}

/**
 * Reads W&B's own configuration, so an existing `wandb login` just works: WANDB_API_KEY, else
 * the netrc password for the base URL's host; WANDB_BASE_URL (default https://api.wandb.ai);
 * WANDB_ENTITY, WANDB_PROJECT; WF_TRACE_SERVER_URL. Returns undefined when no key is found.
 * Registers the key for redaction.
 */
export function wandbSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  options: WandbSettingsOptions = {},
): WandbSettings | undefined {
  const rawBaseUrl = env.WANDB_BASE_URL?.trim();
  const baseUrl = rawBaseUrl
    ? requireHttpUrl(rawBaseUrl, 'WANDB_BASE_URL', WANDB_CLOUD_BASE_URL)
    : WANDB_CLOUD_BASE_URL;

  const found = findApiKey(env, baseUrl, options.homeDir ?? os.homedir(), options.useNetrc ?? true);
  if (!found) return undefined;
  secrets.add(found.apiKey);

  const settings: WandbSettings = {
    apiKey: found.apiKey,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    traceServerUrl: weaveTraceServerUrl(baseUrl, env),
    apiKeySource: found.source,
  };
  const entity = env.WANDB_ENTITY?.trim();
  const project = env.WANDB_PROJECT?.trim();
  if (entity) settings.entity = entity;
  if (project) settings.project = project;
  return settings;
}

function findApiKey(
  env: NodeJS.ProcessEnv,
  baseUrl: string,
  homeDir: string,
  useNetrc: boolean,
): { apiKey: string; source: WandbSettings['apiKeySource'] } | undefined {
  const fromEnv = env.WANDB_API_KEY?.trim();
  if (fromEnv) return { apiKey: fromEnv, source: 'env' };
  if (!useNetrc) return undefined;
  const file = netrcFilePath(env, homeDir);
  if (!file) return undefined;
  const fromNetrc = readNetrcPassword(file, netrcMachine(baseUrl));
  return fromNetrc ? { apiKey: fromNetrc, source: 'netrc' } : undefined;
}

/**
 * The netrc `machine` for a base URL: the raw authority, port included, because wandb both
 * writes and looks up `urlsplit(url).netloc` (wbnetrc.py); `new URL().host` would drop an
 * explicit default port such as `:443` and miss the entry `wandb login` wrote.
 */
function netrcMachine(baseUrl: string): string {
  const afterScheme = baseUrl.slice(baseUrl.indexOf('//') + 2);
  return afterScheme.split(/[/?#]/, 1)[0] ?? '';
}
