import { describe, expect, it } from 'vitest';
import { loadWithSmallYoungGeneration, type YoungGenerationHost } from './young-generation.js';

/** A host that records the V8 flags set, and when, relative to the load. */
function recordingHost(nodeOptions: string[] = []) {
  const events: string[] = [];
  const host: YoungGenerationHost = {
    setFlags: (flags) => events.push(flags),
    nodeOptions,
  };
  return { host, events };
}

describe('loadWithSmallYoungGeneration', () => {
  it('loads with the young generation held at its size, then restores V8’s growth', async () => {
    const { host, events } = recordingHost(['--enable-source-maps']);
    const value = await loadWithSmallYoungGeneration(async () => {
      events.push('load');
      return 42;
    }, host);
    expect(value).toBe(42);
    expect(events).toEqual([
      '--semi-space-growth-factor=1',
      'load',
      '--semi-space-growth-factor=2',
    ]);
  });

  it('restores V8’s growth when the load fails', async () => {
    const { host, events } = recordingHost();
    await expect(
      loadWithSmallYoungGeneration(() => Promise.reject(new Error('no module')), host),
    ).rejects.toThrow('no module');
    expect(events).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  });

  it('leaves a semi-space the user tuned alone', async () => {
    for (const option of ['--max-semi-space-size=64', '--semi_space_growth_factor=4']) {
      const { host, events } = recordingHost([option]);
      await loadWithSmallYoungGeneration(async () => 'loaded', host);
      expect(events).toEqual([]);
    }
  });
});
