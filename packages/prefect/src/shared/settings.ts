import os from 'node:os';
import { requireHttpUrl, secrets } from '@mlops-mcp/core';
import { z } from 'zod';
import { profileString, readActivePrefectProfile } from './profiles.js';

/** Valid PREFECT_API_URL values, named in the error for one that is not a URL. */
const PREFECT_API_EXAMPLE =
  'http://127.0.0.1:4200/api or https://api.prefect.cloud/api/accounts/<id>/workspaces/<id>';

/** How to reach a Prefect API (self-hosted server or Prefect Cloud workspace). */

export const PrefectSettingsSchema = z.object({
  apiUrl: z.url({ protocol: /^https?$/ }),
  /** Prefect Cloud API key, sent as a bearer token. */
  apiKey: z.string().optional(),
  /** Self-hosted server basic auth, "user:password". */
  authString: z.string().optional(),
  /** Where apiUrl came from, so diagnostics can say what to fix. */
  source: z.enum(['env', 'profile']),
  /** The profile name, when source is 'profile'. */
  profile: z.string().optional(),
});
export type PrefectSettings = z.infer<typeof PrefectSettingsSchema>;

/** Options for {@link prefectSettingsFromEnv}; `homeDir` lets tests use a fake home. */
export interface PrefectSettingsOptions {
  homeDir?: string;
  /**
   * Fall back to the active profile when PREFECT_API_URL is unset (default true). Settings built
   * from a request's headers pass false: they must never pick up the gateway host's profile.
   */
  useProfile?: boolean;
}

/**
 * Reads Prefect's own configuration, so an existing set-up just works: PREFECT_API_URL,
 * PREFECT_API_KEY and PREFECT_API_AUTH_STRING from the environment; without PREFECT_API_URL,
 * the active profile of profiles.toml (environment key and auth string still win over the
 * profile's). Returns undefined when no API URL is configured. Registers the credentials for
 * redaction.
 */
export function prefectSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  options: PrefectSettingsOptions = {},
): PrefectSettings | undefined {
  const envApiKey = env.PREFECT_API_KEY || undefined;
  const envAuthString = env.PREFECT_API_AUTH_STRING || undefined;
  let settings: PrefectSettings;

  const envApiUrl = env.PREFECT_API_URL?.trim();
  if (envApiUrl) {
    settings = {
      apiUrl: requireHttpUrl(envApiUrl, 'PREFECT_API_URL', PREFECT_API_EXAMPLE, 'a Prefect API'),
      source: 'env',
    };
    if (envApiKey) settings.apiKey = envApiKey;
    if (envAuthString) settings.authString = envAuthString;
  } else {
    if (options.useProfile === false) return undefined;
    const profile = readActivePrefectProfile(env, options.homeDir ?? os.homedir());
    if (!profile) return undefined;
    const profileApiUrl = profileString(profile, 'PREFECT_API_URL')?.trim();
    // A profile without an API URL runs Prefect's in-process server: nothing to connect to.
    if (!profileApiUrl) return undefined;
    settings = {
      apiUrl: requireHttpUrl(
        profileApiUrl,
        `PREFECT_API_URL in Prefect profile "${profile.name}" of ${profile.file}`,
        PREFECT_API_EXAMPLE,
        'a Prefect API',
      ),
      source: 'profile',
      profile: profile.name,
    };
    const apiKey = envApiKey ?? profileString(profile, 'PREFECT_API_KEY');
    const authString = envAuthString ?? profileString(profile, 'PREFECT_API_AUTH_STRING');
    if (apiKey) settings.apiKey = apiKey;
    if (authString) settings.authString = authString;
  }

  secrets.add(settings.apiKey);
  secrets.add(settings.authString);
  // The password alone can surface too, e.g. echoed back in a server error.
  secrets.add(settings.authString?.slice(settings.authString.indexOf(':') + 1));
  return settings;
}
