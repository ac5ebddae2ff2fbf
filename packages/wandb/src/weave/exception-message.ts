import { truncateText } from '@mlops-mcp/core';

/** Longest error message kept per call; tracebacks are dropped. */
export const MAX_ERROR_CHARS = 500;

/**
 * The readable message of a call's `exception`. The Python SDK stores JSON
 * (`{"type": "ValueError", "message": "...", "traceback": [...]}`, weave/trace/serialization:
 * exception_to_json_str); other clients store plain text. Returns `Type: message`.
 */
export function exceptionMessage(exception: string | null | undefined): string | undefined {
  if (!exception) return undefined;
  let text = exception;
  try {
    const parsed = JSON.parse(exception) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const { type, message } = parsed as { type?: unknown; message?: unknown };
      if (typeof message === 'string') {
        text = typeof type === 'string' && type ? `${type}: ${message}` : message;
      }
    }
  } catch {
    // plain text: keep as is
  }
  return truncateText(text.trim(), MAX_ERROR_CHARS).text;
}
