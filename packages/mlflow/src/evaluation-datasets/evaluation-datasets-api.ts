import {
  BadResponseError,
  type CallOptions,
  decodeCursor,
  InvalidInputError,
  type Page,
  withHints,
} from '@mlops-mcp/core';
import { z } from 'zod';
import { MLFLOW_API_V3, type MlflowContext } from '../shared/context.js';
import { resumedPage } from '../shared/resumable-page.js';
import { requireTraceApi } from '../traces/traces-api.js';
import type { DatasetRecord, EvaluationDataset } from './evaluation-dataset-model.js';
import {
  DatasetExperimentIdsResponseSchema,
  DatasetRecordsResponseSchema,
  GetEvaluationDatasetResponseSchema,
  MlflowDatasetRecordSchema,
  SearchEvaluationDatasetsResponseSchema,
} from './evaluation-datasets-api-types.js';
import { mapDatasetRecord, mapEvaluationDataset } from './map-evaluation-dataset.js';

/**
 * MLflow 3.x GenAI evaluation dataset reads (`/api/3.0/mlflow/datasets/...`, handlers
 * `_search_evaluation_datasets_handler`, `_get_dataset_handler`, `_get_dataset_records_handler`,
 * `_get_dataset_experiment_ids_handler`).
 */

const API = `${MLFLOW_API_V3}/datasets`;

const DATASET_FILTER_HINT =
  "Dataset filter syntax: name = 'my-set', name LIKE '%eval%', tags.team = 'genai', " +
  'created_time > 1700000000000 (strings in single quotes, joined with AND).';
const DATASET_NOT_FOUND_HINT =
  'Check the dataset id (d-…); mlflow_search_evaluation_datasets lists them.';

export interface SearchEvaluationDatasetsParams {
  experimentIds?: string[] | undefined;
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Searches evaluation datasets, optionally only those linked to some experiments. */
export async function searchEvaluationDatasets(
  mlflow: MlflowContext,
  params: SearchEvaluationDatasetsParams,
  shape: { includeSystemTags: boolean },
  options: CallOptions = {},
): Promise<Page<EvaluationDataset>> {
  await requireTraceApi(mlflow, options);
  const { token, skip = 0 } = decodeCursor(params.cursor);
  const response = await withHints(
    mlflow.http.request({
      method: 'POST',
      path: `${API}/search`,
      body: {
        experiment_ids: params.experimentIds?.length ? params.experimentIds : undefined,
        filter_string: params.filter || undefined,
        order_by: params.orderBy?.length ? params.orderBy : undefined,
        max_results: params.limit + skip,
        page_token: token,
      },
      idempotent: true,
      signal: options.signal,
      schema: SearchEvaluationDatasetsResponseSchema,
      operation: 'search evaluation datasets',
    }),
    { invalid_input: DATASET_FILTER_HINT },
  );
  return resumedPage(
    response.datasets.slice(skip).map((raw) => mapEvaluationDataset(raw, shape)),
    response.next_page_token,
    token,
    skip,
  );
}

/** Fetches one evaluation dataset with the ids of the experiments it is linked to. */
export async function getEvaluationDataset(
  mlflow: MlflowContext,
  datasetId: string,
  shape: { includeSystemTags: boolean },
  options: CallOptions = {},
): Promise<EvaluationDataset> {
  await requireTraceApi(mlflow, options);
  const path = `${API}/${encodeURIComponent(datasetId)}`;
  const [dataset, links] = await Promise.all([
    withHints(
      mlflow.http.request({
        method: 'GET',
        path,
        signal: options.signal,
        schema: GetEvaluationDatasetResponseSchema,
        operation: 'get evaluation dataset',
      }),
      { not_found: DATASET_NOT_FOUND_HINT },
    ),
    withHints(
      mlflow.http.request({
        method: 'GET',
        path: `${path}/experiment-ids`,
        signal: options.signal,
        schema: DatasetExperimentIdsResponseSchema,
        operation: 'get evaluation dataset experiments',
      }),
      { not_found: DATASET_NOT_FOUND_HINT },
    ),
  ]);
  const out = mapEvaluationDataset(dataset.dataset, shape);
  if (links.experiment_ids.length > 0) out.experimentIds = links.experiment_ids;
  return out;
}

/** Reads a page of a dataset's records; each field is cut to `maxFieldChars` (flagged). */
export async function getDatasetRecords(
  mlflow: MlflowContext,
  datasetId: string,
  params: { limit: number; cursor?: string | undefined },
  shape: { maxFieldChars: number; includeSystemTags: boolean },
  options: CallOptions = {},
): Promise<Page<DatasetRecord>> {
  const { token, skip = 0 } = decodeCursor(params.cursor);
  const response = await withHints(
    mlflow.http.request({
      method: 'GET',
      path: `${API}/${encodeURIComponent(datasetId)}/records`,
      query: { max_results: params.limit + skip, page_token: token },
      signal: options.signal,
      schema: DatasetRecordsResponseSchema,
      operation: 'get evaluation dataset records',
    }),
    { not_found: DATASET_NOT_FOUND_HINT },
  );
  const records = parseRecords(response.records);
  return resumedPage(
    records.slice(skip).map((raw) => mapDatasetRecord(raw, shape)),
    response.next_page_token,
    token,
    skip,
  );
}

/** The records page arrives as one JSON string (handlers.py json.dumps of the records). */
function parseRecords(text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadResponseError('MLflow sent evaluation dataset records that are not JSON.', {
      backend: 'mlflow',
    });
  }
  const parsed = z.array(MlflowDatasetRecordSchema).safeParse(value);
  if (!parsed.success) {
    throw new BadResponseError('MLflow sent evaluation dataset records of an unexpected shape.', {
      backend: 'mlflow',
      hint: 'The server version may be unsupported.',
    });
  }
  return parsed.data;
}

/** Validates a dataset id ("d-<32 hex>") before it goes into a URL path. */
export function parseDatasetId(value: string, field = 'datasetId'): string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid dataset id.`, {
      field,
      hint: DATASET_NOT_FOUND_HINT,
    });
  }
  return trimmed;
}
