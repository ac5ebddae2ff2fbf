import type { AnyToolDefinition } from '@mlops-mcp/core';
import { getArtifactTool } from './artifacts/get-artifact.js';
import { listArtifactsTool } from './artifacts/list-artifacts.js';
import { getMetricHistoryTool } from './history/get-metric-history.js';
import { getSystemMetricsTool } from './history/get-system-metrics.js';
import { getProjectTool } from './projects/get-project.js';
import { getViewerTool } from './projects/get-viewer.js';
import { listProjectsTool } from './projects/list-projects.js';
import { listRegistryTool } from './registry/list-registry.js';
import { createReportTool } from './reports/create-report.js';
import { getReportTool } from './reports/get-report.js';
import { listReportsTool } from './reports/list-reports.js';
import { compareRunsTool } from './runs/compare-runs.js';
import { diagnoseRunTool } from './runs/diagnose-run.js';
import { getRunTool } from './runs/get-run.js';
import { listRunFilesTool } from './runs/list-run-files.js';
import { searchRunsTool } from './runs/search-runs.js';
import { updateRunTool } from './runs/update-run.js';
import { getSweepTool } from './sweeps/get-sweep.js';
import { listSweepsTool } from './sweeps/list-sweeps.js';
import type { WandbAdapter } from './wandb-adapter.js';
import { bindWeaveTools } from './weave/bind-tools.js';

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
