import { createHash } from 'node:crypto';
import { toKeyValues } from '../shared/key-values.js';
import type { DatasetSpec } from './dataset-spec.js';
import type { MlflowDatasetInput } from './runs-api-types.js';

/** The input tag that says how a run used a dataset (`training`, `evaluation`...). */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context';

/**
 * Maps a dataset as a tool takes it to MLflow's `DatasetInput`. MLflow stores `source`,
 * `schema` and `profile` as JSON strings: objects are serialised, and a plain source string
 * (a URI) is wrapped the way MLflow's own dataset sources write it (`{"url"}` for http,
 * `{"path"}` for Hugging Face, `{"uri"}` otherwise). Without a digest, one is derived from the
 * dataset's identity so that logging the same dataset again is recognised as the same.
 */
export function mapDatasetInput(spec: DatasetSpec): MlflowDatasetInput {
  const source = sourceJson(spec.sourceType, spec.source);
  const schema = jsonText(spec.schema);
  const profile = jsonText(spec.profile);
  const tags = toKeyValues(spec.tags ?? {});
  if (spec.context) tags.unshift({ key: DATASET_CONTEXT_TAG, value: spec.context });
  return {
    tags,
    dataset: {
      name: spec.name,
      digest: spec.digest ?? derivedDigest([spec.name, spec.sourceType, source, schema ?? '']),
      source_type: spec.sourceType,
      source,
      ...(schema === undefined ? {} : { schema }),
      ...(profile === undefined ? {} : { profile }),
    },
  };
}

function sourceJson(sourceType: string, source: DatasetSpec['source']): string {
  if (typeof source !== 'string') return JSON.stringify(source);
  if (looksLikeJsonObject(source)) return source;
  const field =
    sourceType === 'http' || sourceType === 'https'
      ? 'url'
      : sourceType === 'hugging_face'
        ? 'path'
        : 'uri';
  return JSON.stringify({ [field]: source });
}

function jsonText(value: string | Record<string, unknown> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function looksLikeJsonObject(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** 8 hex characters of an md5, the length MLflow's own dataset digests have. */
function derivedDigest(parts: string[]): string {
  return createHash('md5').update(JSON.stringify(parts)).digest('hex').slice(0, 8);
}
