import { DeploymentSchema, makeRef } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectDeployment } from '../shared/prefect-api-types.js';

/** A Prefect deployment: the neutral Deployment plus what decides whether its runs start. */
export const PrefectDeploymentViewSchema = DeploymentSchema.extend({
  fullName: z
    .string()
    .optional()
    .describe('"<flow name>/<deployment name>", usable wherever a deployment is asked for'),
  description: z.string().optional(),
  status: z.string().optional().describe('READY when a worker polled it recently, else NOT_READY'),
  concurrencyLimit: z.number().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  parameterSchema: z.record(z.string(), z.unknown()).optional(),
  schedules: z
    .array(
      z.object({ active: z.boolean().optional(), schedule: z.record(z.string(), z.unknown()) }),
    )
    .optional(),
  lastPolledAt: z.string().optional(),
  entrypoint: z.string().optional(),
  createdAt: z.string().optional(),
});
export type PrefectDeploymentView = z.infer<typeof PrefectDeploymentViewSchema>;

/** Maps a Prefect deployment; `flowName` completes fullName when the caller knows it. */
export function mapDeployment(
  raw: PrefectDeployment,
  uiBase: string,
  options: { flowName?: string | undefined; detailed?: boolean } = {},
): PrefectDeploymentView {
  const view: PrefectDeploymentView = {
    ref: makeRef('prefect', 'deployment', raw.id, {
      url: `${uiBase}/deployments/deployment/${raw.id}`,
    }),
    id: raw.id,
    name: raw.name,
    flowId: raw.flow_id,
  };
  if (options.flowName) view.fullName = `${options.flowName}/${raw.name}`;
  if (raw.paused !== undefined) view.paused = raw.paused;
  if (raw.work_pool_name) view.workPool = raw.work_pool_name;
  if (raw.work_queue_name) view.workQueue = raw.work_queue_name;
  if (raw.tags.length) view.tags = raw.tags;
  if (raw.description) view.description = raw.description;
  if (raw.status) view.status = raw.status;
  const limit = raw.global_concurrency_limit?.limit ?? raw.concurrency_limit;
  if (limit !== undefined) view.concurrencyLimit = limit;
  if (raw.schedules.length) {
    view.schedules = raw.schedules.map((s) => ({
      ...(s.active !== undefined ? { active: s.active } : {}),
      schedule: s.schedule,
    }));
  }
  if (raw.last_polled) view.lastPolledAt = raw.last_polled;
  if (raw.created) view.createdAt = raw.created;
  if (options.detailed) {
    if (raw.parameters && Object.keys(raw.parameters).length) view.parameters = raw.parameters;
    if (raw.parameter_openapi_schema) view.parameterSchema = raw.parameter_openapi_schema;
    if (raw.entrypoint) view.entrypoint = raw.entrypoint;
  }
  return view;
}
