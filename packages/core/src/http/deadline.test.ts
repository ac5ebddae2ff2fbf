import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from './deadline.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startDeadline', () => {
  it('aborts with a TimeoutError when the deadline passes, and says it expired', () => {
    const deadline = startDeadline(1_000);
    vi.advanceTimersByTime(1_000);
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(deadline.expired).toBe(true);
  });

  it("aborts with the caller's reason when the caller aborts, and did not expire", () => {
    const caller = new AbortController();
    const deadline = startDeadline(60_000, caller.signal);
    caller.abort('stop');
    expect(deadline.signal.reason).toBe('stop');
    expect(deadline.expired).toBe(false);
  });

  it('starts aborted when the caller already aborted', () => {
    const caller = new AbortController();
    caller.abort('gone');
    expect(startDeadline(60_000, caller.signal).signal.aborted).toBe(true);
  });

  it('holds no timer once released, and ignores the caller from then on', () => {
    const caller = new AbortController();
    const deadline = startDeadline(1_000, caller.signal);
    deadline.release();
    expect(vi.getTimerCount()).toBe(0);
    caller.abort('late');
    vi.advanceTimersByTime(1_000);
    expect(deadline.signal.aborted).toBe(false);
  });
});
