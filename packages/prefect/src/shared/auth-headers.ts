import { secrets } from '@mlops-mcp/core';
import type { PrefectSettings } from './settings.js';

/**
 * The headers that authenticate to Prefect, as Prefect's own client builds them
 * (PrefectHQ/prefect: src/prefect/client/orchestration/__init__.py): the auth string as HTTP
 * basic, which takes priority, else the API key as a bearer token, else none. Registers the
 * header values for redaction.
 */
export function prefectAuthHeaders(
  settings: Pick<PrefectSettings, 'apiKey' | 'authString'>,
): Record<string, string> {
  let authorization: string;
  if (settings.authString) {
    const token = Buffer.from(settings.authString, 'utf8').toString('base64');
    secrets.add(token);
    authorization = `Basic ${token}`;
  } else if (settings.apiKey) {
    authorization = `Bearer ${settings.apiKey}`;
  } else {
    return {};
  }
  secrets.add(authorization);
  return { authorization };
}
