import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapPromptOptimizationJob } from './map-prompt-optimization-job.js';
import { jobIdInput } from './prompt-optimization-inputs.js';
import { PromptOptimizationJobSchema } from './prompt-optimization-job-model.js';
import { getPromptOptimizationJob, parseJobId } from './prompt-optimization-jobs-api.js';

/** mlflow_get_prompt_optimization_job: state, error and scores of one job. */
export const getPromptOptimizationJobTool = defineMlflowTool({
  name: 'mlflow_get_prompt_optimization_job',
  title: 'Get an MLflow prompt optimization job',
  description:
    'One MLflow prompt optimization job: status, progress, scores, optimized prompt URI.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'read',
  inputSchema: z.object({ jobId: jobIdInput }),
  outputSchema: PromptOptimizationJobSchema,
  async handler(input, { client, signal }) {
    const job = await getPromptOptimizationJob(client, parseJobId(input.jobId), { signal });
    return mapPromptOptimizationJob(job);
  },
});
