import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOC_IMAGES_DIR, docImages } from './doc-images.js';

// `pnpm --filter @mlops-mcp/charts run docs:images` regenerates docs/images/*.png; the charts
// test fails while a committed image differs from what the renderer draws now.
for (const { file, png } of docImages()) {
  const path = join(DOC_IMAGES_DIR, file);
  writeFileSync(path, png);
  process.stderr.write(`wrote ${path} (${png.length} bytes)\n`);
}
