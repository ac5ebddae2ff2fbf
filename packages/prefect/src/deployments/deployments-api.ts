import type { CallOptions, Page } from '@mlops-mcp/core';
import { flowNames } from '../flows/flows-api.js';
import type { PrefectContext } from '../shared/context.js';
import { fetchFilterPage } from '../shared/filter-page.js';
import type { DeploymentSelector } from '../shared/ids.js';
import { compact, mergeFilters } from '../shared/merge-filters.js';
import { type PrefectDeployment, PrefectDeploymentSchema } from '../shared/prefect-api-types.js';
import type { PrefectRunFilter } from '../shared/prefect-filters.js';
import { mapDeployment, type PrefectDeploymentView } from './deployment.js';

/** Deployments: list and read. */

export interface ListDeploymentsQuery {
  flowIds?: string[] | undefined;
  flowNames?: string[] | undefined;
  /** Case-insensitive substring of the deployment or flow name. */
  nameLike?: string | undefined;
  paused?: boolean | undefined;
  workPools?: string[] | undefined;
  tags?: string[] | undefined;
  sort?: 'NAME_ASC' | 'NAME_DESC' | 'CREATED_DESC' | 'UPDATED_DESC' | undefined;
  filter?: PrefectRunFilter | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** POST /deployments/filter, offset-paged, each with its "<flow>/<deployment>" name. */
export async function listDeployments(
  ctx: PrefectContext,
  query: ListDeploymentsQuery,
  options?: CallOptions,
): Promise<Page<PrefectDeploymentView>> {
  const simple = compact({
    flows: {
      id: query.flowIds?.length ? { any_: query.flowIds } : undefined,
      name: query.flowNames?.length ? { any_: query.flowNames } : undefined,
    },
    deployments: {
      flow_or_deployment_name: query.nameLike ? { like_: query.nameLike } : undefined,
      paused: query.paused === undefined ? undefined : { eq_: query.paused },
      tags: query.tags?.length ? { all_: query.tags } : undefined,
    },
    work_pools: { name: query.workPools?.length ? { any_: query.workPools } : undefined },
  });
  const mapWithFlowNames = async (raw: PrefectDeployment[]) => {
    const ids = raw.slice(0, query.limit).map((d) => d.flow_id);
    const names = await flowNames(ctx, ids, options);
    return raw.map((d) => mapDeployment(d, ctx.uiBase, { flowName: names.get(d.flow_id) }));
  };
  const request = {
    path: 'deployments/filter',
    filter: mergeFilters(simple ?? {}, query.filter),
    sort: query.sort ?? 'NAME_ASC',
    schema: PrefectDeploymentSchema,
    operation: 'list deployments',
    map: mapWithFlowNames,
  };
  return fetchFilterPage(ctx, request, query, options);
}

/** GET /deployments/{id} or /deployments/name/{flow}/{deployment}, with parameters and schema. */
export async function getDeployment(
  ctx: PrefectContext,
  selector: DeploymentSelector,
  options?: CallOptions,
): Promise<PrefectDeploymentView> {
  const path =
    'id' in selector
      ? `deployments/${encodeURIComponent(selector.id)}`
      : `deployments/name/${encodeURIComponent(selector.flowName)}/${encodeURIComponent(selector.deploymentName)}`;
  const raw = await ctx.http.request({
    method: 'GET',
    path,
    signal: options?.signal,
    schema: PrefectDeploymentSchema,
    operation: 'get deployment',
  });
  const flowName =
    'flowName' in selector
      ? selector.flowName
      : (await flowNames(ctx, [raw.flow_id], options)).get(raw.flow_id);
  return mapDeployment(raw, ctx.uiBase, { flowName, detailed: true });
}
