import { z } from 'zod';
import { logInputs } from '../api/runs.js';
import { mapDatasetInput } from '../map-dataset-input.js';
import { parseRunId } from '../run-id.js';
import { defineMlflowTool } from './define.js';
import { keyValueMapInput, runIdInput } from './run-write-inputs.js';

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

/** mlflow_log_inputs: record the datasets a run used. Listed only when writes are enabled. */
export const logInputsTool = defineMlflowTool({
  name: 'mlflow_log_inputs',
  title: 'Log dataset inputs of an MLflow run',
  description:
    'Record the datasets an active MLflow run used and how; repeating a name and digest is a no-op.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    runId: runIdInput,
    datasets: z.array(DatasetSpecInput).min(1).max(100),
  }),
  outputSchema: z.object({
    runId: z.string(),
    datasets: z.array(
      z.object({
        name: z.string(),
        digest: z.string(),
        sourceType: z.string(),
        context: z.string().optional(),
      }),
    ),
  }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    const datasets = input.datasets.map(mapDatasetInput);
    await logInputs(client, runId, datasets, { signal });
    return {
      runId,
      datasets: datasets.map(({ dataset }, index) => ({
        name: dataset.name,
        digest: dataset.digest,
        sourceType: dataset.source_type,
        ...(input.datasets[index]!.context ? { context: input.datasets[index]!.context } : {}),
      })),
    };
  },
});
