import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { cancelPromptOptimizationJobTool } from './cancel-prompt-optimization-job.js';
import { createPromptOptimizationJobTool } from './create-prompt-optimization-job.js';
import { deletePromptOptimizationJobTool } from './delete-prompt-optimization-job.js';
import { getPromptOptimizationJobTool } from './get-prompt-optimization-job.js';
import { searchPromptOptimizationJobsTool } from './search-prompt-optimization-jobs.js';

/** Prompt optimization jobs (MLflow 3.5+), in tools/list order. */
export const promptOptimizationJobsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  createPromptOptimizationJobTool,
  getPromptOptimizationJobTool,
  searchPromptOptimizationJobsTool,
  cancelPromptOptimizationJobTool,
  deletePromptOptimizationJobTool,
];
