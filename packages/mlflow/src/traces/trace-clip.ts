import { truncateText } from '@mlops-mcp/core';

/** Cuts a JSON value to `maxChars` of its JSON text; small values keep their structure. */
export function clipValue(
  value: unknown,
  maxChars: number,
): { value: unknown; truncated: boolean } {
  if (typeof value === 'string') {
    const cut = truncateText(value, maxChars);
    return { value: cut.text, truncated: cut.truncated };
  }
  const json = JSON.stringify(value) ?? 'null';
  if (json.length <= maxChars) return { value, truncated: false };
  return { value: truncateText(json, maxChars).text, truncated: true };
}
