import { z } from 'zod';

/**
 * zod schemas of MLflow 3.x evaluation dataset responses (datasets.proto `Dataset`,
 * service.proto `SearchEvaluationDatasets`, `GetDataset`, `GetDatasetRecords`). The server sends
 * `tags`, `schema` and `profile` as JSON-encoded strings, and the records page as one JSON string.
 */

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

export const MlflowEvaluationDatasetSchema = z.object({
  dataset_id: z.string(),
  name: z.string().optional().default(''),
  tags: z.string().optional(),
  schema: z.string().optional(),
  profile: z.string().optional(),
  digest: z.string().optional(),
  created_time: Int64.optional(),
  last_update_time: Int64.optional(),
  created_by: z.string().optional(),
  last_updated_by: z.string().optional(),
  experiment_ids: z.array(z.string()).optional().default([]),
});
export type MlflowEvaluationDataset = z.infer<typeof MlflowEvaluationDatasetSchema>;

export const SearchEvaluationDatasetsResponseSchema = z.object({
  datasets: z.array(MlflowEvaluationDatasetSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const GetEvaluationDatasetResponseSchema = z.object({
  dataset: MlflowEvaluationDatasetSchema,
});

export const DatasetExperimentIdsResponseSchema = z.object({
  experiment_ids: z.array(z.string()).optional().default([]),
});

export const DatasetRecordsResponseSchema = z.object({
  records: z.string().optional().default('[]'),
  next_page_token: z.string().optional(),
});

/** One record inside the `records` JSON string (DatasetRecord.to_dict). */
export const MlflowDatasetRecordSchema = z.object({
  dataset_record_id: z.string(),
  inputs: z.unknown().optional(),
  outputs: z.unknown().optional(),
  expectations: z.unknown().optional(),
  tags: z.record(z.string(), z.string()).nullish(),
  source_type: z.string().nullish(),
  source: z.object({ source_type: z.string().optional() }).passthrough().nullish(),
  created_time: Int64.nullish(),
  last_update_time: Int64.nullish(),
});
export type MlflowDatasetRecord = z.infer<typeof MlflowDatasetRecordSchema>;
