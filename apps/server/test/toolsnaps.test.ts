import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allTools } from '../src/backends/all-tools.js';
import { toolSnapshot } from '../src/docs/tool-snapshot.js';

/**
 * Every tool's interface is checked in under __toolsnaps__/, so changing a tool's name,
 * description or schemas shows up as a reviewed diff. Regenerate with
 * `UPDATE_TOOLSNAPS=1 pnpm --filter @mlops-mcp/server test`.
 */
const DIR = fileURLToPath(new URL('../__toolsnaps__/', import.meta.url));
const update = process.env.UPDATE_TOOLSNAPS === '1';
const tools = allTools();

describe('tool interface snapshots', () => {
  it.each(tools.map((tool) => [tool.name, tool] as const))(
    '%s matches its snapshot',
    (name, tool) => {
      const file = `${DIR}${name}.json`;
      const actual = toolSnapshot(tool);
      if (update) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, actual);
      }
      expect(existsSync(file), `no snapshot for ${name}; run UPDATE_TOOLSNAPS=1`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    },
  );

  it('has no snapshot of a tool that no longer exists', () => {
    const names = new Set(tools.map((tool) => `${tool.name}.json`));
    const stale = existsSync(DIR) ? readdirSync(DIR).filter((file) => !names.has(file)) : [];
    if (update) for (const file of stale) rmSync(`${DIR}${file}`);
    expect(update ? [] : stale).toEqual([]);
  });
});
