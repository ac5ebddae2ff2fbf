import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { WandbAdapter } from '../wandb-adapter.js';
import { bindWeaveTools } from '../weave/bind-tools.js';
import { compareRunsTool } from './compare-runs.js';
import { createReportTool } from './create-report.js';
import { diagnoseRunTool } from './diagnose-run.js';
import { getArtifactTool } from './get-artifact.js';
import { getMetricHistoryTool } from './get-metric-history.js';
import { getProjectTool } from './get-project.js';
import { getReportTool } from './get-report.js';
import { getRunTool } from './get-run.js';
import { getSweepTool } from './get-sweep.js';
import { getSystemMetricsTool } from './get-system-metrics.js';
import { getViewerTool } from './get-viewer.js';
import { listArtifactsTool } from './list-artifacts.js';
import { listProjectsTool } from './list-projects.js';
import { listRegistryTool } from './list-registry.js';
import { listReportsTool } from './list-reports.js';
import { listRunFilesTool } from './list-run-files.js';
import { listSweepsTool } from './list-sweeps.js';
import { searchRunsTool } from './search-runs.js';
import { updateRunTool } from './update-run.js';

/** Every W&B runs-side (GraphQL) tool, in the order tools/list shows them. */
export const wandbRunTools: readonly AnyToolDefinition<WandbAdapter>[] = [
  getViewerTool,
  listProjectsTool,
  getProjectTool,
  searchRunsTool,
  getRunTool,
  getMetricHistoryTool,
  getSystemMetricsTool,
  compareRunsTool,
  diagnoseRunTool,
  listRunFilesTool,
  listArtifactsTool,
  getArtifactTool,
  listRegistryTool,
  listSweepsTool,
  getSweepTool,
  listReportsTool,
  getReportTool,
  updateRunTool,
  createReportTool,
];

/**
 * Every W&B tool for the gateway: the runs-side tools, then the Weave (traces) tools bound to the
 * adapter's Weave client.
 */
export const wandbTools: readonly AnyToolDefinition<WandbAdapter>[] = [
  ...wandbRunTools,
  ...bindWeaveTools<WandbAdapter>((adapter) => adapter.weave),
];
