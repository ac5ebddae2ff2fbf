import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapPromptOptimizationJob } from './map-prompt-optimization-job.js';
import { jobIdInput } from './prompt-optimization-inputs.js';
import { PromptOptimizationJobSchema } from './prompt-optimization-job-model.js';
import { cancelPromptOptimizationJob, parseJobId } from './prompt-optimization-jobs-api.js';

/** mlflow_cancel_prompt_optimization_job: stop a pending or running job. Writes only. */
export const cancelPromptOptimizationJobTool = defineMlflowTool({
  name: 'mlflow_cancel_prompt_optimization_job',
  title: 'Cancel an MLflow prompt optimization job',
  description: 'Cancel a pending or running MLflow prompt optimization job.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'write',
  destructive: true,
  idempotent: false,
  inputSchema: z.object({ jobId: jobIdInput }),
  outputSchema: PromptOptimizationJobSchema,
  async handler(input, { client, signal }) {
    const job = await cancelPromptOptimizationJob(client, parseJobId(input.jobId), { signal });
    return mapPromptOptimizationJob(job);
  },
});
