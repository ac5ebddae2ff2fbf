import { type CallOptions, InvalidInputError, MlopsError } from '@mlops-mcp/core';
import {
  type MlflowRegisteredModelRaw,
  ModelVersionResponseSchema,
  RegisteredModelResponseSchema,
} from '../registry/registry-api-types.js';
import { hasPromptTag } from '../registry/registry-common.js';
import { withRegistryHints } from '../registry/registry-hints.js';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { toKeyValues } from '../shared/key-values.js';
import { mapPromptVersion } from './map-prompt.js';
import type { PromptVersion } from './prompt-schema.js';
import {
  IS_PROMPT_TAG,
  PROMPT_SOURCE_PLACEHOLDER,
  PROMPT_TEXT_TAG,
  PROMPT_TYPE_TAG,
} from './prompt-tags.js';
import { fetchPromptModel, LIST_PROMPTS } from './prompts-api.js';

/** Prompt writes (register a version, set an alias): sent once, never retried. */

export interface RegisterPromptParams {
  name: string;
  /** A text template with {{variables}}, or chat messages. */
  template: string | readonly { role: string; content: string }[];
  commitMessage?: string | undefined;
  tags?: Record<string, string> | undefined;
}

/**
 * Registers a new prompt, or a new version of an existing one, exactly as
 * MlflowClient.register_prompt does for OSS registries: create the registered model (tagged
 * as a prompt, description = commit message) when missing, copy the caller's tags onto an
 * existing prompt, then create a version holding the template; a first version that fails
 * removes the just-created prompt again. Refuses a name taken by a registered model.
 */
export async function registerPrompt(
  mlflow: MlflowContext,
  params: RegisterPromptParams,
  options: CallOptions = {},
): Promise<PromptVersion> {
  const tags = params.tags ?? {};
  let existing: MlflowRegisteredModelRaw | undefined;
  try {
    const response = await mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/registered-models/get`,
      query: { name: params.name },
      signal: options.signal,
      schema: RegisteredModelResponseSchema,
      operation: 'get prompt',
    });
    existing = response.registered_model;
  } catch (error) {
    if (!(MlopsError.isInstance(error) && error.kind === 'not_found')) throw error;
  }
  if (existing && !hasPromptTag(existing.tags)) {
    throw new InvalidInputError(
      `"${params.name}" is already a registered model; a prompt cannot share its name.`,
      { field: 'name', backend: 'mlflow', hint: 'Choose another prompt name.' },
    );
  }
  if (!existing) {
    await mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/registered-models/create`,
      body: {
        name: params.name,
        description: params.commitMessage,
        tags: toKeyValues({ [IS_PROMPT_TAG]: 'true', ...tags }),
      },
      signal: options.signal,
      schema: RegisteredModelResponseSchema,
      operation: 'create prompt',
    });
  } else {
    for (const [key, value] of Object.entries(tags)) {
      await mlflow.http.request({
        method: 'POST',
        path: `${MLFLOW_API}/registered-models/set-tag`,
        body: { name: params.name, key, value },
        signal: options.signal,
        schema: EmptyResponseSchema,
        operation: 'set prompt tag',
      });
    }
  }
  const chat = typeof params.template !== 'string';
  const versionTags = {
    ...tags,
    [IS_PROMPT_TAG]: 'true',
    [PROMPT_TYPE_TAG]: chat ? 'chat' : 'text',
    [PROMPT_TEXT_TAG]: chat ? JSON.stringify(params.template) : (params.template as string),
  };
  try {
    const response = await mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/model-versions/create`,
      body: {
        name: params.name,
        source: PROMPT_SOURCE_PLACEHOLDER,
        description: params.commitMessage,
        tags: toKeyValues(versionTags),
      },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: 'create prompt version',
    });
    return mapPromptVersion(response.model_version, { baseUrl: mlflow.baseUrl });
  } catch (error) {
    if (!existing) {
      // Same clean-up as MlflowClient: no prompt without versions.
      await mlflow.http
        .request({
          method: 'DELETE',
          path: `${MLFLOW_API}/registered-models/delete`,
          body: { name: params.name },
          signal: options.signal,
          schema: EmptyResponseSchema,
          operation: 'delete empty prompt',
        })
        .catch(() => undefined);
    }
    throw error;
  }
}

/** Points a prompt alias (e.g. "production") at a version. */
export async function setPromptAlias(
  mlflow: MlflowContext,
  params: { name: string; alias: string; version: string },
  options: CallOptions = {},
): Promise<void> {
  await fetchPromptModel(mlflow, params.name, options);
  await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/registered-models/alias`,
      body: params,
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'set prompt alias',
    }),
    {
      not_found: `mlflow_get_prompt lists the prompt's versions. ${LIST_PROMPTS}`,
      invalid_input:
        "Aliases are letters, digits, '_' and '-'; 'latest' and v<number> (e.g. v3) are reserved.",
    },
  );
}
