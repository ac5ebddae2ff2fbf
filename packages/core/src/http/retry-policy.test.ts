import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkError,
  parseRetryAfter,
  retryDelayMs,
} from './retry-policy.js';

describe('retry policy', () => {
  it('parses Retry-After given in seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
  });

  it('parses Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });

  it('ignores an unparseable Retry-After', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('caps exponential backoff at maxDelayMs', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 20, undefined, () => 1)).toBe(
      DEFAULT_RETRY_POLICY.maxDelayMs,
    );
  });

  it('finds a retryable code in an error cause chain', () => {
    const error = new Error('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(isRetryableNetworkError(error)).toBe(true);
    expect(isRetryableNetworkError(new Error('plain'))).toBe(false);
  });
});
