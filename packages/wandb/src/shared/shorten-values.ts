import { truncateText } from '@mlops-mcp/core';

/** Longest string value kept whole in config, summary and metadata. */
export const MAX_VALUE_CHARS = 500;

/**
 * Shortens every long string inside a JSON-like value (config values can hold whole prompts or
 * file contents) and reports whether anything was cut.
 */
export function shortenValues(
  value: unknown,
  maxChars = MAX_VALUE_CHARS,
): { value: unknown; truncated: boolean } {
  let truncated = false;
  const walk = (inner: unknown): unknown => {
    if (typeof inner === 'string') {
      const cut = truncateText(inner, maxChars);
      if (cut.truncated) truncated = true;
      return cut.text;
    }
    if (Array.isArray(inner)) return inner.map(walk);
    if (inner !== null && typeof inner === 'object') {
      return Object.fromEntries(Object.entries(inner).map(([key, v]) => [key, walk(v)]));
    }
    return inner;
  };
  return { value: walk(value), truncated };
}
