import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTools } from '../backends/all-tools.js';
import { RESPONSE_SIZES_FILE, readResponseSizes } from './response-sizes.js';
import { renderToolsDoc } from './tools-doc.js';

const ROOT = new URL('../../../../', import.meta.url);
const responses = readResponseSizes(ROOT);

describe('docs/TOOLS.md', () => {
  it(`has a measured response size for every tool in ${RESPONSE_SIZES_FILE} (run \`pnpm docs:responses\`)`, () => {
    const missing = allTools()
      .map((tool) => tool.name)
      .filter((name) => !responses?.tools[name]);
    expect(missing).toEqual([]);
  });

  it('matches the tool registry and the measured sizes (run `pnpm docs:tools` after changing a tool)', () => {
    expect(readFileSync(new URL('docs/TOOLS.md', ROOT), 'utf8')).toBe(
      renderToolsDoc(allTools(), responses!),
    );
  });

  it('lists every tool exactly once in the namespace tables', () => {
    const doc = renderToolsDoc(allTools(), responses!).split('## Largest responses')[1]!;
    const tables = doc.slice(doc.indexOf('\n## '));
    for (const tool of allTools()) expect(tables.split(`\`${tool.name}\``).length - 1).toBe(1);
  });

  it('shows each measured response size beside its tool', () => {
    const doc = renderToolsDoc(allTools(), {
      maxResponseTokens: 8000,
      tools: { mlops_plot_trace: { tokens: 1234, images: 1 } },
    });
    expect(doc).toMatch(/\| `mlops_plot_trace` \| read \| [^|]+ \| \d+ \| ~1234 \+ 1 PNG \|/);
    expect(doc).toMatch(/\| `mlops_overview` \| read \| [^|]+ \| \d+ \| — \|/);
  });
});
