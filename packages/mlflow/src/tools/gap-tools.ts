import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { cancelPromptOptimizationJobTool } from './cancel-prompt-optimization-job.js';
import { createPromptOptimizationJobTool } from './create-prompt-optimization-job.js';
import { deletePromptOptimizationJobTool } from './delete-prompt-optimization-job.js';
import { getPromptOptimizationJobTool } from './get-prompt-optimization-job.js';
import { getTraceAttachmentTool } from './get-trace-attachment.js';
import { listTraceAttachmentsTool } from './list-trace-attachments.js';
import { searchPromptOptimizationJobsTool } from './search-prompt-optimization-jobs.js';

/**
 * MLflow capabilities found missing by comparing with the widest other MLflow MCP server
 * (@us-all/mlflow-mcp): trace attachments and prompt optimization jobs, in tools/list order.
 */
export const gapTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  listTraceAttachmentsTool,
  getTraceAttachmentTool,
  createPromptOptimizationJobTool,
  getPromptOptimizationJobTool,
  searchPromptOptimizationJobsTool,
  cancelPromptOptimizationJobTool,
  deletePromptOptimizationJobTool,
];
