import { z } from 'zod';
import { EntityRefSchema } from './ref.js';
import { FlowRunStatusSchema } from './status.js';

/** A Prefect flow: the code unit that deployments schedule. */
export const FlowSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string(),
  createdAt: z.string().optional().describe('ISO 8601'),
  tags: z.array(z.string()).optional(),
});
export type Flow = z.infer<typeof FlowSchema>;

/** A Prefect deployment: a flow plus schedule, parameters and work pool. */
export const DeploymentSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string(),
  flowId: z.string(),
  paused: z.boolean().optional(),
  workPool: z.string().optional(),
  workQueue: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type Deployment = z.infer<typeof DeploymentSchema>;

/** One execution of a flow. */
export const FlowRunSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string(),
  flowId: z.string(),
  deploymentId: z.string().optional(),
  status: FlowRunStatusSchema,
  rawStatus: z.string(),
  stateName: z.string().optional(),
  stateMessage: z.string().optional(),
  expectedStartAt: z.string().optional().describe('ISO 8601'),
  startedAt: z.string().optional().describe('ISO 8601'),
  endedAt: z.string().optional().describe('ISO 8601'),
  tags: z.array(z.string()).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type FlowRun = z.infer<typeof FlowRunSchema>;
