import { isoFromMillis, truncateText } from '@mlops-mcp/core';
import type { Scorer } from './scorer-model.js';
import {
  type MlflowScorer,
  type SerializedScorer,
  SerializedScorerSchema,
} from './scorers-api-types.js';

const MAX_INSTRUCTIONS_CHARS = 500;

/** Parses `serialized_scorer`; undefined when it is not the JSON object MLflow writes. */
export function parseSerializedScorer(text: string): SerializedScorer | undefined {
  try {
    const parsed = SerializedScorerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Which kind of scorer a serialized definition holds (the field MLflow filled in says it). */
function scorerType(definition: SerializedScorer | undefined): Scorer['type'] {
  if (!definition) return 'unknown';
  if (definition.builtin_scorer_class) return 'builtin';
  if (definition.instructions_judge_pydantic_data) return 'judge';
  if (definition.call_source) return 'custom_code';
  if (definition.third_party_scorer_data) return 'third_party';
  if (definition.ensemble_scorer_data) return 'ensemble';
  if (definition.memory_augmented_judge_data) return 'memory_judge';
  return 'unknown';
}

/** Maps a registered scorer version to its compact form, summarising its definition. */
export function mapScorer(raw: MlflowScorer): Scorer {
  const definition = parseSerializedScorer(raw.serialized_scorer);
  const out: Scorer = {
    name: raw.scorer_name,
    version: raw.scorer_version,
    experimentId: raw.experiment_id,
    type: scorerType(definition),
  };
  if (raw.scorer_id) out.id = raw.scorer_id;
  const builtin = definition?.builtin_scorer_pydantic_data;
  const judge = definition?.instructions_judge_pydantic_data;
  if (definition?.builtin_scorer_class) out.builtinClass = definition.builtin_scorer_class;
  const model = judge?.model ?? builtin?.model;
  if (model) out.model = model;
  if (definition?.description) out.description = definition.description;
  const guidelines = builtin?.guidelines;
  if (guidelines) out.guidelines = typeof guidelines === 'string' ? [guidelines] : guidelines;
  // A builtin's instructions are MLflow's own prompt template; only a judge's are the user's.
  if (judge?.instructions) {
    out.instructions = truncateText(judge.instructions, MAX_INSTRUCTIONS_CHARS).text;
  }
  if (definition?.call_source && definition.original_func_name) {
    out.functionName = definition.original_func_name;
  }
  const createdAt = isoFromMillis(raw.creation_time);
  if (createdAt) out.createdAt = createdAt;
  return out;
}

/**
 * The serialized definition as compact JSON without its null fields (most of them are null),
 * cut to `maxChars` with a flag.
 */
export function scorerDefinitionText(
  raw: MlflowScorer,
  maxChars: number,
): { text: string; truncated: boolean } {
  let text = raw.serialized_scorer;
  try {
    text = JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
      value === null ? undefined : value,
    );
  } catch {
    // not JSON: show it as MLflow stored it
  }
  return truncateText(text, maxChars);
}
