import { secrets } from '@mlops-mcp/core';
import type { WandbSettings } from './settings.js';

/**
 * The Authorization header for W&B's GraphQL API: HTTP basic with user "api" and the API key
 * as password, as the Weave SDK sends it (wandb/weave: sdks/node/src/wandb/wandbServerApi.ts).
 * Registers the header value for redaction.
 */
export function wandbBasicAuthHeader(settings: Pick<WandbSettings, 'apiKey'>): string {
  const token = Buffer.from(`api:${settings.apiKey}`, 'utf8').toString('base64');
  const header = `Basic ${token}`;
  secrets.add(token);
  secrets.add(header);
  return header;
}
