import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { cancelFlowRunTool } from './cancel-flow-run.js';
import { createFlowRunTool } from './create-flow-run.js';
import { diagnosesTools } from './diagnoses-tools.js';
import { getAutomationTool } from './get-automation.js';
import { getDeploymentTool } from './get-deployment.js';
import { getFlowTool } from './get-flow.js';
import { getFlowRunTool } from './get-flow-run.js';
import { getFlowRunLogsTool } from './get-flow-run-logs.js';
import { getOverviewTool } from './get-overview.js';
import { getServerInfoTool } from './get-server-info.js';
import { getWorkPoolTool } from './get-work-pool.js';
import { listAutomationsTool } from './list-automations.js';
import { listBlocksTool } from './list-blocks.js';
import { listConcurrencyLimitsTool } from './list-concurrency-limits.js';
import { listDeploymentsTool } from './list-deployments.js';
import { listEventsTool } from './list-events.js';
import { listFlowRunsTool } from './list-flow-runs.js';
import { listFlowsTool } from './list-flows.js';
import { listTaskRunsTool } from './list-task-runs.js';
import { listVariablesTool } from './list-variables.js';
import { listWorkPoolsTool } from './list-work-pools.js';
import { pauseDeploymentTool, resumeDeploymentTool } from './set-deployment-paused.js';

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
