import { z } from 'zod';

/** What the evaluation dataset tools return: compact datasets and their records. */

export const EvaluationDatasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  recordCount: z.number().optional(),
  schema: z
    .unknown()
    .optional()
    .describe(
      'Field names and types of inputs, outputs and expectations, as MLflow inferred them.',
    ),
  tags: z.record(z.string(), z.string()).optional(),
  digest: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
  experimentIds: z.array(z.string()).optional(),
});
export type EvaluationDataset = z.infer<typeof EvaluationDatasetSchema>;

export const DatasetRecordSchema = z.object({
  id: z.string(),
  inputs: z.unknown().optional(),
  expectations: z.unknown().optional(),
  outputs: z.unknown().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  source: z.string().optional().describe('HUMAN, TRACE, DOCUMENT or CODE.'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  truncated: z.boolean().optional().describe('True when a field was cut to maxFieldChars.'),
});
export type DatasetRecord = z.infer<typeof DatasetRecordSchema>;
