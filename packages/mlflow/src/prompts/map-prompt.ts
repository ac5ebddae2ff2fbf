import { isoFromMillis, truncateText } from '@mlops-mcp/core';
import type {
  MlflowModelVersionRaw,
  MlflowRegisteredModelRaw,
} from '../registry/registry-api-types.js';
import { LIST_DESCRIPTION_CHARS, setDescription } from '../registry/registry-text.js';
import { setTimestamps } from '../shared/timestamps.js';
import type { PromptSummary, PromptVersion } from './prompt-schema.js';
import {
  MODEL_CONFIG_TAG,
  PROMPT_TEXT_TAG,
  PROMPT_TYPE_TAG,
  promptUserTags,
  RESPONSE_FORMAT_TAG,
  templateVariables,
} from './prompt-tags.js';

/** Templates (or each chat message) longer than this are cut, with templateTruncated set. */
export const MAX_TEMPLATE_CHARS = 20_000;
const PREVIEW_CHARS = 200;

/** The MLflow UI page of a prompt. */
export function promptUrl(baseUrl: string, name: string): string {
  return `${baseUrl}/#/prompts/${encodeURIComponent(name)}`;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const tagMap = (tags: readonly { key: string; value: string }[]) =>
  new Map(tags.map((tag) => [tag.key, tag.value]));

/** Maps a prompt version (a model version carrying the template in its tags). */
export function mapPromptVersion(
  raw: MlflowModelVersionRaw,
  options: { baseUrl: string; maxTemplateChars?: number | undefined },
): PromptVersion {
  const tags = tagMap(raw.tags);
  const text = tags.get(PROMPT_TEXT_TAG) ?? '';
  const max = options.maxTemplateChars ?? MAX_TEMPLATE_CHARS;
  const out: PromptVersion = {
    name: raw.name,
    version: raw.version,
    type: 'text',
    variables: templateVariables(text),
    url: promptUrl(options.baseUrl, raw.name),
  };
  const messages = tags.get(PROMPT_TYPE_TAG) === 'chat' ? parseJson(text) : undefined;
  if (Array.isArray(messages)) {
    out.type = 'chat';
    out.messages = messages.map((message: { role?: unknown; content?: unknown }) => {
      const content =
        typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
      const cut = truncateText(content ?? '', max);
      if (cut.truncated) out.templateTruncated = true;
      return { role: String(message.role ?? ''), content: cut.text };
    });
  } else {
    const cut = truncateText(text, max);
    out.template = cut.text;
    if (cut.truncated) out.templateTruncated = true;
  }
  if (raw.description) out.commitMessage = raw.description;
  if (raw.aliases.length > 0) out.aliases = raw.aliases;
  const userTags = promptUserTags(raw.tags);
  if (Object.keys(userTags).length > 0) out.tags = userTags;
  const responseFormat = parseJson(tags.get(RESPONSE_FORMAT_TAG));
  if (responseFormat !== undefined) out.responseFormat = responseFormat;
  const modelConfig = parseJson(tags.get(MODEL_CONFIG_TAG));
  if (modelConfig !== undefined) out.modelConfig = modelConfig;
  const createdAt = isoFromMillis(raw.creation_timestamp);
  if (createdAt) out.createdAt = createdAt;
  return out;
}

/** Maps a prompt (a registered model tagged as a prompt) for listings. */
export function mapPromptSummary(
  raw: MlflowRegisteredModelRaw,
  options: { baseUrl: string; maxDescriptionChars?: number | undefined },
): PromptSummary {
  const out: PromptSummary = {
    name: raw.name,
    aliases: Object.fromEntries(raw.aliases.map(({ alias, version }) => [alias, version])),
    url: promptUrl(options.baseUrl, raw.name),
  };
  setDescription(out, raw.description, options.maxDescriptionChars ?? LIST_DESCRIPTION_CHARS);
  const tags = promptUserTags(raw.tags);
  if (Object.keys(tags).length > 0) out.tags = tags;
  // latest_versions holds the newest version per (unused) stage: the highest number wins.
  const latest = [...raw.latest_versions].sort((a, b) => Number(b.version) - Number(a.version))[0];
  if (latest) {
    out.latestVersion = latest.version;
    const text = tagMap(latest.tags).get(PROMPT_TEXT_TAG);
    if (text) out.latestTemplatePreview = truncateText(text, PREVIEW_CHARS).text;
  }
  setTimestamps(out, raw.creation_timestamp, raw.last_updated_timestamp);
  return out;
}
