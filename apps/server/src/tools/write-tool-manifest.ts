import { readFileSync, writeFileSync } from 'node:fs';
import { buildToolManifest, manifestText } from './build-tool-manifest.js';

// Run by the build after tsc (node dist/tools/write-tool-manifest.js), before the CLI is bundled
// with the manifest inlined: the binary's manifest is always its own tools'. Writes
// src/tools/tool-manifest.json only when it changed; tool-manifest.test.ts fails on a stale one.
const file = new URL('../../src/tools/tool-manifest.json', import.meta.url);
const text = manifestText(buildToolManifest());
let current = '';
try {
  current = readFileSync(file, 'utf8');
} catch {
  // First build: no manifest yet.
}
if (current !== text) writeFileSync(file, text);
