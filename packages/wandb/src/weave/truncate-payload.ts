import { truncateText } from '@mlops-mcp/core';

/** A payload (inputs, output, object value) cut to a size a model can take. */
export interface TruncatedPayload {
  value: unknown;
  truncated: boolean;
}

/**
 * Keeps a JSON value whole when its compact JSON fits `maxChars`; otherwise returns the head of
 * that JSON text, marked with how much was cut (so the model knows it sees a prefix).
 */
export function truncatePayload(value: unknown, maxChars: number): TruncatedPayload {
  if (value === undefined) return { value, truncated: false };
  const text = JSON.stringify(value) ?? 'null';
  if (text.length <= maxChars) return { value, truncated: false };
  return { value: truncateText(text, maxChars).text, truncated: true };
}
