import { NotFoundError } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { toErrorPayload } from './error-result.js';

describe('tool error payloads', () => {
  it('turns a URIError from malformed input text into invalid_input', () => {
    let thrown: unknown;
    try {
      encodeURIComponent('\uD83D');
    } catch (error) {
      thrown = error;
    }
    expect(toErrorPayload(thrown).error.kind).toBe('invalid_input');
  });

  it('keeps the message and hint of a known error', () => {
    const payload = toErrorPayload(
      new NotFoundError('Run x not found.', { hint: 'Search first.', backend: 'mlflow' }),
    );
    expect(payload.error).toEqual({
      kind: 'not_found',
      message: 'Run x not found.',
      hint: 'Search first.',
      backend: 'mlflow',
    });
  });

  it('hides the details of an unexpected error', () => {
    const payload = toErrorPayload(new TypeError('secret internals at /src/x.ts:1'));
    expect(payload.error.kind).toBe('internal');
    expect(payload.error.message).not.toContain('internals');
  });
});
