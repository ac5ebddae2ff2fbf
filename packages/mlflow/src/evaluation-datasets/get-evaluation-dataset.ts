import { fitPageToBudget } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { DatasetRecordSchema, EvaluationDatasetSchema } from './evaluation-dataset-model.js';
import {
  getDatasetRecords,
  getEvaluationDataset,
  parseDatasetId,
} from './evaluation-datasets-api.js';

const GetEvaluationDatasetOutputSchema = z.object({
  dataset: EvaluationDatasetSchema,
  records: z.array(DatasetRecordSchema),
  nextRecordsCursor: z
    .string()
    .optional()
    .describe('Pass back as recordsCursor for the next records.'),
  truncated: z
    .boolean()
    .optional()
    .describe('True when records were dropped to fit the response budget; the cursor resumes.'),
});

/** mlflow_get_evaluation_dataset: one evaluation dataset and a page of its records. */
export const getEvaluationDatasetTool = defineMlflowTool({
  name: 'mlflow_get_evaluation_dataset',
  title: 'Get an MLflow evaluation dataset',
  description:
    'One MLflow evaluation dataset with its schema and a page of records (inputs, expectations).',
  namespace: 'mlflow',
  toolsets: ['evaluation'],
  access: 'read',
  inputSchema: z.object({
    datasetId: z.string().min(1).max(128),
    recordLimit: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(20)
      .describe('How many records to return; 0 returns only the dataset.'),
    recordsCursor: cursorInput,
    maxFieldChars: z.number().int().min(100).max(100_000).default(1000),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: GetEvaluationDatasetOutputSchema,
  async handler(input, { client, signal, maxResponseTokens }) {
    const datasetId = parseDatasetId(input.datasetId);
    const shape = { includeSystemTags: input.includeSystemTags };
    const dataset = await getEvaluationDataset(client, datasetId, shape, { signal });
    if (input.recordLimit === 0) return { dataset, records: [] };
    const page = await getDatasetRecords(
      client,
      datasetId,
      { limit: input.recordLimit, cursor: input.recordsCursor },
      { ...shape, maxFieldChars: input.maxFieldChars },
      { signal },
    );
    // Leave room for the dataset itself in the budget.
    const fitted = fitPageToBudget(page, Math.max(1, maxResponseTokens - 500));
    const out: z.infer<typeof GetEvaluationDatasetOutputSchema> = {
      dataset,
      records: fitted.items,
    };
    if (fitted.nextCursor) out.nextRecordsCursor = fitted.nextCursor;
    if (fitted.truncated) out.truncated = true;
    return out;
  },
});
