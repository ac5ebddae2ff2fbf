import type { Deployment, Flow, FlowRun } from '../model/flow.js';
import type { Page } from '../model/page.js';
import type { FlowRunStatus } from '../model/status.js';
import type { CallOptions } from './call-options.js';

export interface ListFlowRunsParams {
  statuses?: FlowRunStatus[] | undefined;
  flowId?: string | undefined;
  deploymentId?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  tags?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Flows, deployments, flow runs and their logs (Prefect). */
export interface Orchestration {
  listFlows(
    params: { limit: number; cursor?: string | undefined },
    options?: CallOptions,
  ): Promise<Page<Flow>>;
  listDeployments(
    params: { flowId?: string | undefined; limit: number; cursor?: string | undefined },
    options?: CallOptions,
  ): Promise<Page<Deployment>>;
  listFlowRuns(params: ListFlowRunsParams, options?: CallOptions): Promise<Page<FlowRun>>;
  getFlowRun(id: string, options?: CallOptions): Promise<FlowRun>;
}
