import { writeFileSync } from 'node:fs';
import { allTools } from '../backends/all-tools.js';
import { RESPONSE_SIZES_FILE, readResponseSizes } from './response-sizes.js';
import { renderToolsDoc } from './tools-doc.js';

/** Regenerates docs/TOOLS.md (run through `pnpm docs:tools`) from the registry and measured sizes. */
const root = new URL('../../../../', import.meta.url);
const responses = readResponseSizes(root);
if (!responses) throw new Error(`${RESPONSE_SIZES_FILE} is missing: run \`pnpm docs:responses\``);
writeFileSync(new URL('docs/TOOLS.md', root), renderToolsDoc(allTools(), responses));
