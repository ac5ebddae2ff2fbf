import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { CrossContext } from '../cross-context.js';
import { crossCompareRunsTool } from './compare-runs.js';
import { findLineageTool } from './find-lineage.js';
import { overviewTool } from './overview.js';
import { plotMetricsTool } from './plot-metrics.js';
import { plotTraceTool } from './plot-trace.js';
import { crossSearchRunsTool } from './search-runs.js';
import { crossSearchTracesTool } from './search-traces.js';
import { whatFailedTool } from './what-failed.js';

/** The cross-backend `mlops_*` tools, listed before every backend's own. */
export const crossTools: readonly AnyToolDefinition<CrossContext>[] = [
  overviewTool,
  whatFailedTool,
  crossSearchRunsTool,
  crossCompareRunsTool,
  crossSearchTracesTool,
  findLineageTool,
  plotMetricsTool,
  plotTraceTool,
];
