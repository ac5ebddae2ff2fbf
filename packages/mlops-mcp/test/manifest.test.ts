import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The published manifest cannot use pnpm's `catalog:` (plain `npm pack` would publish it
 * verbatim), so it repeats the catalog's pins: they must not drift.
 */
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const manifest = JSON.parse(read('../package.json')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
};
const catalog = Object.fromEntries(
  [...read('../../../pnpm-workspace.yaml').matchAll(/^ {2}"?([^":\s]+)"?: (\S+)$/gm)].map((m) => [
    m[1],
    m[2],
  ]),
);

describe('the mlops-mcp manifest', () => {
  it("pins every dependency at the workspace catalog's version", () => {
    for (const [name, version] of Object.entries(manifest.dependencies))
      expect({ name, version }).toEqual({ name, version: catalog[name] });
  });

  it('carries the server version and the repository engines', () => {
    const server = JSON.parse(read('../../../apps/server/package.json')) as { version: string };
    const root = JSON.parse(read('../../../package.json')) as { engines: { node: string } };
    expect(manifest.version).toBe(server.version);
    expect(manifest.engines).toEqual(root.engines);
  });
});
