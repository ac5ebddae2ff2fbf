import { z } from 'zod';

/** Lifecycle of an MLflow 3 logged model, without the LOGGED_MODEL_ prefix. */
export const LoggedModelStatusSchema = z.enum(['PENDING', 'READY', 'FAILED', 'UNSPECIFIED']);
export type LoggedModelStatus = z.infer<typeof LoggedModelStatusSchema>;

/** An MLflow 3 logged model: the model a run produced, with its own params, metrics and tags. */
export const MlflowLoggedModelSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  experimentId: z.string(),
  status: LoggedModelStatusSchema,
  statusMessage: z.string().optional(),
  modelType: z.string().optional(),
  sourceRunId: z.string().optional().describe('Run that produced the model (mlflow_get_run).'),
  artifactUri: z.string().optional(),
  url: z.string().optional().describe('MLflow UI page.'),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  params: z.record(z.string(), z.string()).optional(),
  metrics: z
    .array(
      z.object({
        key: z.string(),
        value: z.union([z.number(), z.string()]),
        step: z.number().optional(),
        dataset: z.string().optional(),
        runId: z.string().optional(),
      }),
    )
    .optional()
    .describe('Latest value of each metric (per dataset when metrics are dataset-scoped).'),
  tags: z.record(z.string(), z.string()).optional(),
  registeredVersions: z
    .array(z.object({ name: z.string(), version: z.string() }))
    .optional()
    .describe('Registry versions created from this model (mlflow_get_model_version).'),
});
export type MlflowLoggedModel = z.infer<typeof MlflowLoggedModelSchema>;
