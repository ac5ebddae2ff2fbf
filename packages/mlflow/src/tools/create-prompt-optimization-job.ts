import { z } from 'zod';
import { createPromptOptimizationJob } from '../api/prompt-optimization-jobs.js';
import { parseExperimentId } from '../experiment-id.js';
import { mapPromptOptimizationJob } from '../map-prompt-optimization-job.js';
import { OptimizerSchema, PromptOptimizationJobSchema } from '../prompt-optimization-job-model.js';
import { defineMlflowTool } from './define.js';
import { jobExperimentIdInput } from './prompt-optimization-inputs.js';

/** mlflow_create_prompt_optimization_job: start a server-side prompt optimization. Writes only. */
export const createPromptOptimizationJobTool = defineMlflowTool({
  name: 'mlflow_create_prompt_optimization_job',
  title: 'Start an MLflow prompt optimization job',
  description:
    'Start a prompt optimization job on the MLflow server: it rewrites a registered prompt ' +
    '(GEPA or MetaPrompt optimizer, driven by an LLM) to score better on an evaluation dataset ' +
    'with the given scorers, and registers the result as a new prompt version. Returns at once ' +
    'with the job id and run id; follow it with mlflow_get_prompt_optimization_job. Needs a ' +
    'server started with MLFLOW_SERVER_ENABLE_JOB_EXECUTION=true and LLM access (litellm) on it. ' +
    'Prompt URIs come from mlflow_search_prompts, dataset ids from mlflow_search_evaluation_datasets.',
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
      .describe('Prompt version to start from, e.g. "prompts:/qa-answer/3".'),
    optimizer: OptimizerSchema.default('GEPA').describe(
      'GEPA (reflective search, default) or METAPROMPT (one-shot rewrite with guidelines).',
    ),
    datasetId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'An evaluation dataset id such as d-….')
      .optional()
      .describe('Evaluation dataset (d-…) with the inputs and expectations to optimize on.'),
    scorers: z
      .array(z.string().min(1).max(256))
      .min(1)
      .max(20)
      .describe(
        'Scorers to optimize for: built-in class names ("Correctness", "Safety") or names of ' +
          'scorers registered to the experiment (mlflow_list_scorers).',
      ),
    optimizerConfig: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'Optimizer settings, e.g. {"reflection_model": "openai:/gpt-4o", "max_metric_calls": 100}.',
      ),
    tags: z
      .record(z.string().min(1).max(250), z.string().max(5000))
      .optional()
      .describe('Tags to attach to the job.'),
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
