import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_IMAGES_DIR, docImages } from '../src/docs/doc-images.js';

describe('docs/images', () => {
  it('holds exactly what the renderer draws now (regenerate: pnpm --filter @mlops-mcp/charts run docs:images)', () => {
    for (const { file, png } of docImages()) {
      const committed = readFileSync(join(DOC_IMAGES_DIR, file));
      expect(committed.equals(png), `${file} is stale`).toBe(true);
    }
  });
});
