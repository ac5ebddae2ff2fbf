import { writeFileSync } from 'node:fs';
import { allTools } from '../backends/all-tools.js';
import { renderToolsDoc } from './tools-doc.js';

/** Regenerates docs/TOOLS.md (run through `pnpm docs:tools`). */
writeFileSync(new URL('../../../../docs/TOOLS.md', import.meta.url), renderToolsDoc(allTools()));
