import { type InputIssue, MlopsError, secrets } from '@mlops-mcp/core';

/** What the model sees for a failed call: what failed, why, what to try next. */
export interface ToolErrorPayload {
  error: {
    kind: string;
    message: string;
    hint?: string;
    field?: string;
    backend?: string;
    status?: number;
    /** invalid_input: every problem, unknown arguments and their closest valid names (InputErrorDetails). */
    issues?: InputIssue[];
    unknown?: string[];
    didYouMean?: Record<string, string>;
    valid?: string[];
  };
}

const DEFAULT_HINTS: Record<string, string> = {
  invalid_input: 'Fix the input and call again.',
  not_found: 'Check the id; use a search tool to find valid ids.',
  auth: "The gateway's credentials for this backend were rejected; the user must fix them.",
  unavailable: 'The backend is down or unreachable; try again later.',
  timeout: 'Narrow the request or try again later.',
  rate_limited: 'Wait before calling again.',
  cancelled: 'The call was cancelled.',
  unsupported: 'This backend does not support that; try another tool.',
};

/**
 * Turns any thrown value into an error payload. Known errors keep their message and hint;
 * anything else becomes a generic internal error (its details go to the log, never to the
 * client). Everything is redacted.
 */
export function toErrorPayload(error: unknown): ToolErrorPayload {
  // encodeURIComponent/decodeURIComponent throw URIError only for text that is not valid Unicode
  // (an unpaired surrogate) or a broken %-escape: always the caller's input, never our bug.
  if (error instanceof URIError) {
    return {
      error: {
        kind: 'invalid_input',
        message:
          'An input value contains text that cannot be encoded (an unpaired surrogate or a stray "%").',
        hint: 'Remove the malformed characters from ids and names and call again.',
      },
    };
  }
  if (MlopsError.isInstance(error)) {
    const payload: ToolErrorPayload['error'] = {
      kind: error.kind,
      message: secrets.redact(error.message),
    };
    const hint = error.hint ?? DEFAULT_HINTS[error.kind];
    if (hint) payload.hint = secrets.redact(hint);
    if (error.field) payload.field = error.field;
    if (error.backend) payload.backend = error.backend;
    if (error.status) payload.status = error.status;
    if (error.details) Object.assign(payload, secrets.redactDeep(error.details));
    return { error: payload };
  }
  return {
    error: {
      kind: 'internal',
      message: 'The gateway hit an unexpected error while handling this call.',
      hint: 'Try again; if it persists, the gateway log (stderr) has details.',
    },
  };
}
