import { z } from 'zod';

/** Optimizers MLflow's server can run (prompt_optimization.proto `OptimizerType`). */
export const OptimizerSchema = z.enum(['GEPA', 'METAPROMPT']);
export type Optimizer = z.infer<typeof OptimizerSchema>;

/** What the prompt optimization job tools return about a job. */
export const PromptOptimizationJobSchema = z.object({
  id: z.string(),
  status: z
    .string()
    .describe('PENDING, IN_PROGRESS, COMPLETED, FAILED, CANCELED, TIMEOUT or NEEDS_RECOVERY.'),
  experimentId: z.string().optional(),
  runId: z.string().optional().describe('The MLflow run holding the job params and scores.'),
  sourcePromptUri: z.string().optional(),
  optimizedPromptUri: z.string().optional().describe('The new prompt version, once COMPLETED.'),
  optimizer: z.string().optional(),
  datasetId: z.string().optional(),
  scorers: z.array(z.string()).optional(),
  optimizerConfig: z.unknown().optional().describe('Optimizer settings (parsed JSON).'),
  createdAt: z.string().optional(),
  completedAt: z.string().optional(),
  error: z.string().optional().describe('Why a FAILED or TIMEOUT job ended.'),
  statusMessage: z.string().optional(),
  progress: z.string().optional().describe('Share of metric calls spent, 0-1, while running.'),
  initialScores: z.record(z.string(), z.number()).optional(),
  finalScores: z.record(z.string(), z.number()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
export type PromptOptimizationJob = z.infer<typeof PromptOptimizationJobSchema>;
