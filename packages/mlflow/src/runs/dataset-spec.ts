import { z } from 'zod';
import { keyValueMapInput } from './run-write-inputs.js';

/** A JSON document given either as text or as an object. */
const jsonInput = (max: number) =>
  z.union([z.string().max(max), z.record(z.string(), z.unknown())]);

/** One dataset as mlflow_log_inputs takes it (MLflow's `Dataset` plus its input tags). */
export const DatasetSpecInput = z.object({
  name: z.string().min(1).max(500),
  digest: z
    .string()
    .min(1)
    .max(36)
    .optional()
    .describe('Version hash; default derived from name, source and schema.'),
  sourceType: z.string().min(1).max(100).describe('e.g. "s3", "hugging_face", "local".'),
  source: jsonInput(65_535).describe(
    `A URI such as "s3://bucket/train.parquet", or MLflow's JSON object.`,
  ),
  schema: jsonInput(1_048_575).optional(),
  profile: jsonInput(1_000_000)
    .optional()
    .describe('Summary statistics, e.g. {"num_rows": 200000}.'),
  context: z.string().min(1).max(500).optional().describe('e.g. "training", "evaluation".'),
  tags: keyValueMapInput({
    what: 'Input tag',
    max: 20,
    maxValueLength: 500,
    reserved: 'refuse',
  }).optional(),
});
export type DatasetSpec = z.infer<typeof DatasetSpecInput>;
