import type { AnyToolDefinition } from '@mlops-mcp/core';
import { getAutomationTool } from './automations/get-automation.js';
import { listAutomationsTool } from './automations/list-automations.js';
import { listEventsTool } from './automations/list-events.js';
import { getDeploymentTool } from './deployments/get-deployment.js';
import { listDeploymentsTool } from './deployments/list-deployments.js';
import { pauseDeploymentTool, resumeDeploymentTool } from './deployments/set-deployment-paused.js';
import { diagnosesTools } from './diagnoses/diagnoses-tools.js';
import { cancelFlowRunTool } from './flow-runs/cancel-flow-run.js';
import { createFlowRunTool } from './flow-runs/create-flow-run.js';
import { getFlowRunTool } from './flow-runs/get-flow-run.js';
import { getFlowRunLogsTool } from './flow-runs/get-flow-run-logs.js';
import { listFlowRunsTool } from './flow-runs/list-flow-runs.js';
import { listTaskRunsTool } from './flow-runs/list-task-runs.js';
import { getFlowTool } from './flows/get-flow.js';
import { listFlowsTool } from './flows/list-flows.js';
import type { PrefectAdapter } from './prefect-adapter.js';
import { getOverviewTool } from './server/get-overview.js';
import { getServerInfoTool } from './server/get-server-info.js';
import { listBlocksTool } from './variables-and-blocks/list-blocks.js';
import { listVariablesTool } from './variables-and-blocks/list-variables.js';
import { getWorkPoolTool } from './work-pools/get-work-pool.js';
import { listConcurrencyLimitsTool } from './work-pools/list-concurrency-limits.js';
import { listWorkPoolsTool } from './work-pools/list-work-pools.js';

/** Every Prefect tool, in the order tools/list shows them. */
export const prefectTools: readonly AnyToolDefinition<PrefectAdapter>[] = [
  getOverviewTool,
  getServerInfoTool,
  listFlowsTool,
  getFlowTool,
  listDeploymentsTool,
  getDeploymentTool,
  listFlowRunsTool,
  getFlowRunTool,
  listTaskRunsTool,
  getFlowRunLogsTool,
  listWorkPoolsTool,
  getWorkPoolTool,
  listConcurrencyLimitsTool,
  listAutomationsTool,
  getAutomationTool,
  listEventsTool,
  listVariablesTool,
  listBlocksTool,
  createFlowRunTool,
  cancelFlowRunTool,
  pauseDeploymentTool,
  resumeDeploymentTool,
  ...diagnosesTools,
];
