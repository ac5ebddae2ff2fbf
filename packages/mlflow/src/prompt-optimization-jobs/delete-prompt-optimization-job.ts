import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { jobIdInput } from './prompt-optimization-inputs.js';
import { deletePromptOptimizationJob, parseJobId } from './prompt-optimization-jobs-api.js';

/** mlflow_delete_prompt_optimization_job: remove a job and its run. Writes only. */
export const deletePromptOptimizationJobTool = defineMlflowTool({
  name: 'mlflow_delete_prompt_optimization_job',
  title: 'Delete an MLflow prompt optimization job',
  description: 'Delete an MLflow prompt optimization job record and its run.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ jobId: jobIdInput }),
  outputSchema: z.object({ jobId: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const jobId = parseJobId(input.jobId);
    await deletePromptOptimizationJob(client, jobId, { signal });
    return { jobId, deleted: true as const };
  },
});
