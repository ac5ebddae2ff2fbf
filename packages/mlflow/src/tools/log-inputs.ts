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
  name: z.string().min(1).max(500).describe('Dataset name, e.g. "ultrachat_200k".'),
  digest: z
    .string()
    .min(1)
    .max(36)
    .optional()
    .describe(
      'Content hash identifying this version (at most 36 chars); omit to derive one from name, source and schema.',
    ),
  sourceType: z
    .string()
    .min(1)
    .max(100)
    .describe(
      'Where it lives: "s3", "gs", "local", "http", "hugging_face", "delta_table", "code"...',
    ),
  source: jsonInput(65_535).describe(
    'Where to find it: a URI such as "s3://bucket/train.parquet" (or a Hugging Face dataset path), or the JSON ' +
      'object MLflow stores, e.g. {"uri": "..."}.',
  ),
  schema: jsonInput(1_048_575)
    .optional()
    .describe('Its schema as JSON, e.g. {"mlflow_colspec": [{"name": "text", "type": "string"}]}.'),
  profile: jsonInput(1_000_000)
    .optional()
    .describe('Summary statistics as JSON, e.g. {"num_rows": 200000}.'),
  context: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe(
      'How the run used it: "training", "validation", "evaluation"... (tag mlflow.data.context).',
    ),
  tags: keyValueMapInput({ what: 'Input tag', max: 20, maxValueLength: 500, reserved: 'refuse' })
    .optional()
    .describe('More input tags (values at most 500 characters).'),
});
export type DatasetSpec = z.infer<typeof DatasetSpecInput>;

/** mlflow_log_inputs: record the datasets a run used. Listed only when writes are enabled. */
export const logInputsTool = defineMlflowTool({
  name: 'mlflow_log_inputs',
  title: 'Log dataset inputs of an MLflow run',
  description:
    'Record the datasets an active MLflow run used and how (training, evaluation...); the same name and digest again is a no-op.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    runId: runIdInput,
    datasets: z.array(DatasetSpecInput).min(1).max(100).describe('Datasets to record.'),
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
