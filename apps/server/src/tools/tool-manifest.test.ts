import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildToolManifest, manifestText } from './build-tool-manifest.js';
import { listingOf, toolMeta } from './tool-listing.js';
import { manifestCodeTools, manifestListings } from './tool-manifest.js';

const FILE = new URL('./tool-manifest.json', import.meta.url);

describe('the tool manifest', () => {
  it('is what the tool definitions make (pnpm --filter @mlops-mcp/server run manifest rewrites it)', () => {
    const committed = readFileSync(FILE, 'utf8');
    const live = manifestText(buildToolManifest());
    // One line per tool: a stale manifest fails naming the tools that changed.
    const stale = live.split('\n').filter((line) => !committed.split('\n').includes(line));
    expect(stale.map((line) => /"name":"(\w+)"/.exec(line)?.[1] ?? line)).toEqual([]);
    expect(committed).toBe(live);
  });

  it('lists each tool exactly as its definition, loaded on its first call, lists it', async () => {
    const listings = manifestListings();
    expect(listings.map((tool) => tool.name)).toEqual(buildToolManifest().map((e) => e.name));
    for (const listing of listings) {
      const live = listingOf(await listing.definition());
      expect(toolMeta(listing)).toEqual(toolMeta(live));
      expect(listing.advertisedInput()).toEqual(live.advertisedInput());
    }
  });

  it('names the two code-mode tools', () => {
    expect([...manifestCodeTools()].sort()).toEqual(['mlops_api', 'mlops_execute']);
  });
});
