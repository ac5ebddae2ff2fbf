import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTools } from '../backends/all-tools.js';
import { renderToolsDoc } from './tools-doc.js';

const DOC = new URL('../../../../docs/TOOLS.md', import.meta.url);

describe('docs/TOOLS.md', () => {
  it('matches the tool registry (run `pnpm docs:tools` after changing a tool)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(renderToolsDoc(allTools()));
  });

  it('lists every tool exactly once', () => {
    const doc = renderToolsDoc(allTools());
    for (const tool of allTools()) expect(doc.split(`\`${tool.name}\``).length - 1).toBe(1);
  });
});
