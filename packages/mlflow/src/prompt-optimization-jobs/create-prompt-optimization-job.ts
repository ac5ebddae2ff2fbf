import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapPromptOptimizationJob } from './map-prompt-optimization-job.js';
import { jobExperimentIdInput } from './prompt-optimization-inputs.js';
import { OptimizerSchema, PromptOptimizationJobSchema } from './prompt-optimization-job-model.js';
import { createPromptOptimizationJob } from './prompt-optimization-jobs-api.js';

/** mlflow_create_prompt_optimization_job: start a server-side prompt optimization. Writes only. */
export const createPromptOptimizationJobTool = defineMlflowTool({
  name: 'mlflow_create_prompt_optimization_job',
  title: 'Start an MLflow prompt optimization job',
  description:
    'Start an MLflow prompt optimization job (GEPA or MetaPrompt) on an evaluation dataset; the server needs job execution and LLM access.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    experimentId: jobExperimentIdInput,
    sourcePromptUri: z
      .string()
      .regex(/^prompts:\/[^/\s]+\/\d+$/, 'A prompt version URI: prompts:/<name>/<version>.')
      .max(300)
      .describe('e.g. "prompts:/qa-answer/3".'),
    optimizer: OptimizerSchema.default('GEPA'),
    datasetId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'An evaluation dataset id such as d-….')
      .optional(),
    scorers: z
      .array(z.string().min(1).max(256))
      .min(1)
      .max(20)
      .describe('Built-in scorer classes ("Correctness") or registered scorer names.'),
    optimizerConfig: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('e.g. {"reflection_model": "openai:/gpt-4o"}.'),
    tags: z.record(z.string().min(1).max(250), z.string().max(5000)).optional(),
  }),
  outputSchema: PromptOptimizationJobSchema,
  async handler(input, { client, signal }) {
    const job = await createPromptOptimizationJob(
      client,
      { ...input, experimentId: parseExperimentId(input.experimentId) },
      { signal },
    );
    return mapPromptOptimizationJob(job);
  },
});
