import { type CallOptions, isoFromMillis, NotFoundError, type Page } from '@mlops-mcp/core';
import {
  fetchRegisteredModelRow,
  searchRegisteredModelRows,
} from '../registry/registered-models-api.js';
import {
  type MlflowRegisteredModelRaw,
  ModelVersionResponseSchema,
  ModelVersionsResponseSchema,
} from '../registry/registry-api-types.js';
import { hasPromptTag } from '../registry/registry-common.js';
import { withRegistryHints } from '../registry/registry-hints.js';
import { GET_DESCRIPTION_CHARS } from '../registry/registry-text.js';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { mapPromptSummary, mapPromptVersion } from './map-prompt.js';
import type { Prompt, PromptSummary, PromptVersion } from './prompt-schema.js';
import { IS_PROMPT_TAG } from './prompt-tags.js';

/**
 * MLflow's prompt registry over REST. The OSS server has no prompt endpoints: MlflowClient
 * (tracking/client.py register_prompt, search_prompts) and the UI store prompts as registered
 * models and versions marked with `mlflow.prompt.is_prompt=true`, the template in a version
 * tag. These functions do the same, so prompts written here read back in MLflow's UI and SDK.
 */

export const LIST_PROMPTS = 'mlflow_search_prompts lists prompt names.';
const IS_A_MODEL =
  'It is a registered model; use mlflow_get_registered_model and the other registry tools.';

/** How many versions mlflow_get_prompt lists. */
const VERSION_LIST_LIMIT = 50;

const promptFilter = `tags.\`${IS_PROMPT_TAG}\` = 'true'`;

function notAPrompt(name: string): NotFoundError {
  return new NotFoundError(`"${name}" is a registered model, not a prompt.`, {
    backend: 'mlflow',
    hint: `${IS_A_MODEL} ${LIST_PROMPTS}`,
  });
}

export interface SearchPromptsParams {
  filter?: string | undefined;
  orderBy?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Searches prompts (registered models tagged as prompts), as MlflowClient.search_prompts. */
export async function searchPrompts(
  mlflow: MlflowContext,
  params: SearchPromptsParams,
  options: CallOptions = {},
): Promise<Page<PromptSummary>> {
  const extra = params.filter?.trim();
  const filter = extra ? `${promptFilter} AND ${extra}` : promptFilter;
  return searchRegisteredModelRows(
    mlflow,
    {
      ...params,
      filter,
      operation: 'search prompts',
      invalidInputHint:
        'Prompt filters use name and tags: "name LIKE \'%summar%\'", "tags.team = \'support\'" (AND only). ' +
        'Order by name or last_updated_timestamp.',
      map: (raw) => mapPromptSummary(raw, { baseUrl: mlflow.baseUrl }),
    },
    options,
  );
}

/** The registered model behind a prompt; not_found when missing or not a prompt. */
export async function fetchPromptModel(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions,
): Promise<MlflowRegisteredModelRaw> {
  const model = await fetchRegisteredModelRow(
    mlflow,
    name,
    {
      operation: 'get prompt',
      notFoundHint: `Prompt names are exact and case-sensitive. ${LIST_PROMPTS}`,
    },
    options,
  );
  if (!hasPromptTag(model.tags)) throw notAPrompt(name);
  return model;
}

/** A prompt: description, tags, aliases, its newest version in full, and its versions. */
export async function getPrompt(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions = {},
): Promise<Prompt> {
  const model = await fetchPromptModel(mlflow, name, options);
  const versions = await mlflow.http.request({
    method: 'GET',
    path: `${MLFLOW_API}/model-versions/search`,
    query: {
      // Prompt names match PROMPT_NAME_PATTERN (no quotes), so quoting is safe.
      filter: `name = '${name}' AND ${promptFilter}`,
      order_by: ['version_number DESC'],
      max_results: VERSION_LIST_LIMIT,
    },
    signal: options.signal,
    schema: ModelVersionsResponseSchema,
    operation: 'list prompt versions',
  });
  const { latestTemplatePreview, ...summary } = mapPromptSummary(model, {
    baseUrl: mlflow.baseUrl,
    maxDescriptionChars: GET_DESCRIPTION_CHARS,
  });
  const aliasesOf = (version: string) =>
    model.aliases.filter((a) => a.version === version).map((a) => a.alias);
  const prompt: Prompt = {
    ...summary,
    versions: versions.model_versions.map((raw) => {
      const entry: Prompt['versions'][number] = { version: raw.version };
      if (raw.description) entry.commitMessage = raw.description;
      const aliases = aliasesOf(raw.version);
      if (aliases.length > 0) entry.aliases = aliases;
      const createdAt = isoFromMillis(raw.creation_timestamp);
      if (createdAt) entry.createdAt = createdAt;
      return entry;
    }),
  };
  const newest = versions.model_versions[0];
  if (newest) {
    prompt.latest = mapPromptVersion(
      { ...newest, aliases: aliasesOf(newest.version) },
      { baseUrl: mlflow.baseUrl },
    );
  }
  if (versions.next_page_token) prompt.moreVersions = true;
  return prompt;
}

/** One prompt version by number or alias, template in full (up to MAX_TEMPLATE_CHARS). */
export async function getPromptVersion(
  mlflow: MlflowContext,
  params: { name: string; version?: string | undefined; alias?: string | undefined },
  options: CallOptions = {},
): Promise<PromptVersion> {
  const byAlias = params.alias !== undefined;
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/${byAlias ? 'registered-models/alias' : 'model-versions/get'}`,
      query: byAlias
        ? { name: params.name, alias: params.alias }
        : { name: params.name, version: params.version },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: byAlias ? 'get prompt version by alias' : 'get prompt version',
    }),
    {
      not_found: `mlflow_get_prompt ${byAlias ? "shows the prompt's aliases" : "lists the prompt's versions"}. ${LIST_PROMPTS}`,
    },
  );
  const raw = response.model_version;
  if (!hasPromptTag(raw.tags)) throw notAPrompt(params.name);
  return mapPromptVersion(raw, { baseUrl: mlflow.baseUrl });
}
