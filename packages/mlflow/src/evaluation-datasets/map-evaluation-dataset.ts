import { isoFromMillis } from '@mlops-mcp/core';
import { isSystemTag } from '../shared/key-values.js';
import { setTimestamps } from '../shared/timestamps.js';
import { clipValue } from '../traces/trace-clip.js';
import type { DatasetRecord, EvaluationDataset } from './evaluation-dataset-model.js';
import type {
  MlflowDatasetRecord,
  MlflowEvaluationDataset,
} from './evaluation-datasets-api-types.js';

/** Parses one of the JSON-in-JSON string fields; a bad one is kept as text rather than lost. */
function parseJsonField(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function stringMap(value: unknown, includeSystemTags: boolean): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' && (includeSystemTags || !isSystemTag(entry[0])),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Maps an MLflow evaluation dataset to its compact form. */
export function mapEvaluationDataset(
  raw: MlflowEvaluationDataset,
  options: { includeSystemTags: boolean },
): EvaluationDataset {
  const out: EvaluationDataset = { id: raw.dataset_id, name: raw.name };
  const profile = parseJsonField(raw.profile) as { num_records?: unknown } | undefined;
  if (typeof profile?.num_records === 'number') out.recordCount = profile.num_records;
  const schema = parseJsonField(raw.schema);
  if (schema !== undefined) out.schema = schema;
  const tags = stringMap(parseJsonField(raw.tags), options.includeSystemTags);
  if (tags) out.tags = tags;
  if (raw.digest) out.digest = raw.digest;
  setTimestamps(out, raw.created_time, raw.last_update_time);
  if (raw.created_by) out.createdBy = raw.created_by;
  if (raw.last_updated_by) out.updatedBy = raw.last_updated_by;
  if (raw.experiment_ids.length > 0) out.experimentIds = raw.experiment_ids;
  return out;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'object' && Object.keys(value).length === 0);

/** Maps one dataset record, cutting each field to `maxFieldChars` of JSON (flagged). */
export function mapDatasetRecord(
  raw: MlflowDatasetRecord,
  options: { maxFieldChars: number; includeSystemTags: boolean },
): DatasetRecord {
  const out: DatasetRecord = { id: raw.dataset_record_id };
  let truncated = false;
  for (const field of ['inputs', 'expectations', 'outputs'] as const) {
    if (isEmpty(raw[field])) continue;
    const clipped = clipValue(raw[field], options.maxFieldChars);
    out[field] = clipped.value;
    truncated ||= clipped.truncated;
  }
  const tags = stringMap(raw.tags, options.includeSystemTags);
  if (tags) out.tags = tags;
  const source = raw.source?.source_type ?? raw.source_type;
  if (source) out.source = source;
  const updatedAt = isoFromMillis(raw.last_update_time ?? raw.created_time);
  if (updatedAt) out.updatedAt = updatedAt;
  if (truncated) out.truncated = true;
  return out;
}
