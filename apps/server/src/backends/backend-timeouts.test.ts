import { DEFAULT_TIMEOUTS } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { backendTimeouts } from './catalog.js';

describe('backendTimeouts', () => {
  it("equals core's default timeouts at the default deadline", () => {
    expect(backendTimeouts({ backendTimeoutMs: DEFAULT_TIMEOUTS.totalMs })).toEqual(
      DEFAULT_TIMEOUTS,
    );
  });

  it('caps the connect, headers and body waits at a deadline shorter than them', () => {
    expect(backendTimeouts({ backendTimeoutMs: 1500 })).toEqual({
      connectMs: 1500,
      headersMs: 1500,
      bodyMs: 1500,
      totalMs: 1500,
    });
  });

  it("keeps core's default waits under a deadline longer than core's", () => {
    expect(backendTimeouts({ backendTimeoutMs: 300_000 })).toEqual({
      ...DEFAULT_TIMEOUTS,
      totalMs: 300_000,
    });
  });
});
