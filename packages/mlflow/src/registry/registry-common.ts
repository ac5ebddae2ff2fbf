import { InvalidInputError, NotFoundError } from '@mlops-mcp/core';
import { IS_PROMPT_TAG } from '../prompts/prompt-tags.js';
import type { MlflowContext, MlflowReadOptions } from '../shared/context.js';
import type { RegistryShapeOptions } from './map-model-version.js';
import { LIST_DESCRIPTION_CHARS } from './registry-text.js';

/**
 * MLflow model registry endpoints (`api/2.0/mlflow/registered-models/*`, `model-versions/*`).
 * Prompts live in the same tables (registered models tagged `mlflow.prompt.is_prompt=true`);
 * like MlflowClient, every function here hides them: searches exclude them, gets of a prompt
 * are not_found, writes refuse them. Writes are sent once, never retried.
 */

/** registered-models/search rejects max_results above 1000 (handlers._search_registered_models). */
export const REGISTERED_MODELS_MAX_RESULTS = 1000;
/** model-versions/search accepts up to 200,000 (handlers._search_model_versions). */
export const MODEL_VERSIONS_MAX_RESULTS = 200_000;

export const LIST_MODELS = 'mlflow_search_registered_models lists registered models by name.';
export const LIST_VERSIONS =
  "mlflow_search_model_versions (filter \"name = '<model>'\") lists a model's versions.";
export const LIST_ALIASES =
  "mlflow_get_registered_model shows the model's aliases (alias → version).";
const IS_A_PROMPT =
  'Prompts are handled by mlflow_search_prompts, mlflow_get_prompt and mlflow_register_prompt.';

/** True when MLflow tags mark a registered model or version as a prompt. */
export function hasPromptTag(tags: readonly { key: string; value: string }[]): boolean {
  return tags.some((tag) => tag.key === IS_PROMPT_TAG && tag.value.toLowerCase() === 'true');
}

/** The not_found for a registry call that names a prompt. */
export function promptNotModel(name: string): NotFoundError {
  return new NotFoundError(`"${name}" is a prompt, not a registered model.`, {
    backend: 'mlflow',
    hint: `${IS_A_PROMPT} ${LIST_MODELS}`,
  });
}

/**
 * Adds MlflowClient's prompt exclusion (`tag.\`mlflow.prompt.is_prompt\` != 'true'`, see
 * mlflow/prompt/registry_utils.add_prompt_filter_string) to a registry filter. A filter that
 * names the prompt tag itself is refused: prompts have their own tools.
 */
export function excludePromptsFilter(filter: string | undefined): string {
  const exclusion = `tags.\`${IS_PROMPT_TAG}\` != 'true'`;
  const trimmed = filter?.trim();
  if (!trimmed) return exclusion;
  if (trimmed.includes(IS_PROMPT_TAG)) {
    throw new InvalidInputError('Registry tools do not search prompts.', {
      field: 'filter',
      hint: IS_A_PROMPT,
    });
  }
  return `${trimmed} AND ${exclusion}`;
}

/** How registry mappers shape a model or version (list views clip descriptions). */
export function shape(
  mlflow: MlflowContext,
  options: MlflowReadOptions,
  list = false,
): RegistryShapeOptions {
  return {
    baseUrl: mlflow.baseUrl,
    includeSystemTags: options.includeSystemTags ?? false,
    maxDescriptionChars: list ? LIST_DESCRIPTION_CHARS : undefined,
  };
}
