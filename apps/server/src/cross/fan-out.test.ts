import { type BackendAdapter, CancelledError, TimeoutError } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { fanOut } from './fan-out.js';

const mlflow = { backend: 'mlflow' } as BackendAdapter;

/** Answers only when aborted, with the CancelledError the HTTP client raises for a caller's signal. */
function stalled(_adapter: BackendAdapter, signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () =>
      reject(new CancelledError('search runs was cancelled.')),
    );
  });
}

describe('fanOut', () => {
  it('reports a backend that outlives the per-backend deadline as a timeout caveat, not a cancellation', async () => {
    const { caveats } = await fanOut([mlflow], stalled, {
      signal: new AbortController().signal,
      timeoutMs: 5,
    });
    expect(caveats).toEqual([
      {
        backend: 'mlflow',
        kind: 'timeout',
        message: expect.stringContaining('did not answer within 5 ms'),
      },
    ]);
  });

  it("keeps the backend call's own timeout error when it ends before the fan-out deadline", async () => {
    const { caveats } = await fanOut(
      [mlflow],
      () => Promise.reject(new TimeoutError('mlflow search runs took longer than 1500 ms.')),
      { signal: new AbortController().signal },
    );
    expect(caveats).toEqual([
      {
        backend: 'mlflow',
        kind: 'timeout',
        message: 'mlflow search runs took longer than 1500 ms.',
      },
    ]);
  });
});
