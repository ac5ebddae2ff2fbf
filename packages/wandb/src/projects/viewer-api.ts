import { AuthError, type CallOptions } from '@mlops-mcp/core';
import { ViewerDocument } from '../graphql/documents/viewer.js';
import type { WandbGraphqlClient } from '../graphql/graphql-client.js';
import { WANDB_KEY_HINT } from '../graphql/graphql-errors.js';
import type { WandbViewer } from './wandb-viewer.js';

/** Who the API key belongs to. A null viewer means W&B did not recognise the key. */
export async function fetchViewer(
  graphql: WandbGraphqlClient,
  urls: { baseUrl: string; appUrl: string },
  options?: CallOptions,
): Promise<WandbViewer> {
  const data = await graphql.execute(ViewerDocument, {}, options);
  const viewer = data.viewer;
  if (!viewer) {
    throw new AuthError('W&B did not recognise the API key (no viewer).', {
      backend: 'wandb',
      hint: WANDB_KEY_HINT,
    });
  }
  const result: WandbViewer = {
    teams: (viewer.teams?.edges ?? []).flatMap((edge) => (edge.node ? [edge.node.name] : [])),
    baseUrl: urls.baseUrl,
    appUrl: urls.appUrl,
  };
  if (viewer.username) result.username = viewer.username;
  if (viewer.name) result.name = viewer.name;
  if (viewer.email) result.email = viewer.email;
  if (viewer.entity) result.defaultEntity = viewer.entity;
  return result;
}
