import { describe, expect, it } from 'vitest';
import { freePort } from '../src/index.js';
import { canListen } from './helpers.js';

describe('freePort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(1023);
    expect(await canListen(port)).toBe(true);
  });
});
