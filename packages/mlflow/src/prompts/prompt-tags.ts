/**
 * How MLflow stores prompts in the model registry (mlflow/prompt/constants.py): a prompt is a
 * registered model tagged `mlflow.prompt.is_prompt=true`, each version a model version with the
 * same tag, the template in `mlflow.prompt.text` (JSON messages for chat prompts) and the
 * commit message as the version description.
 */
export const IS_PROMPT_TAG = 'mlflow.prompt.is_prompt';
export const PROMPT_TEXT_TAG = 'mlflow.prompt.text';
/** "text" or "chat"; underscore-prefixed because Unity Catalog tags cannot contain dots. */
export const PROMPT_TYPE_TAG = '_mlflow_prompt_type';
export const RESPONSE_FORMAT_TAG = '_mlflow_prompt_response_format';
export const MODEL_CONFIG_TAG = '_mlflow_prompt_model_config';

/**
 * CreateModelVersion needs a source; for prompts the server accepts only MLflow's placeholders
 * ("dummy-source" from MlflowClient, "prompt-template" from the store; handlers._validate_prompt_source).
 */
export const PROMPT_SOURCE_PLACEHOLDER = 'dummy-source';

/** MLflow's prompt name rule (PROMPT_NAME_RULE). */
export const PROMPT_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

/** MLflow's {{variable}} pattern (PROMPT_TEMPLATE_VARIABLE_PATTERN). */
const VARIABLE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z_][a-zA-Z0-9_]*)*)\s*\}\}/g;

/** The distinct {{variable}} names in a template, in order of first use. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1]!))];
}

/** Prompt and version tags a user set: MLflow's own (mlflow.*, _mlflow_*) removed. */
export function promptUserTags(
  tags: readonly { key: string; value: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of tags) {
    if (key.startsWith('mlflow.') || key.startsWith('_mlflow_')) continue;
    out[key] = value;
  }
  return out;
}
