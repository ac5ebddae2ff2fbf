import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { createRunTool } from './create-run.js';
import { deleteRunTool } from './delete-run.js';
import { deleteRunTagTool } from './delete-run-tag.js';
import { findRunsByTagTool } from './find-runs-by-tag.js';
import { logBatchTool } from './log-batch.js';
import { logInputsTool } from './log-inputs.js';
import { logMetricTool } from './log-metric.js';
import { logParamTool } from './log-param.js';
import { restoreRunTool } from './restore-run.js';
import { updateRunTool } from './update-run.js';

/**
 * The run tools besides search/get/set-tag: the tag-value finder (a read), then the writes in
 * a run's life order.
 */
export const runWritesTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  findRunsByTagTool,
  createRunTool,
  logParamTool,
  logMetricTool,
  logBatchTool,
  logInputsTool,
  updateRunTool,
  deleteRunTagTool,
  deleteRunTool,
  restoreRunTool,
];
