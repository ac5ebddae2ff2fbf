import { it } from 'vitest';
import { toCompactJson } from '@mlops-mcp/core';
import { allTools } from '../src/backends/all-tools.js';
import { advertisedInputSchema } from '../src/tools/advertised-schema.js';
it('show', () => {
  for (const n of (process.env.TOOLS ?? '').split(',')) { const t = allTools().find(x=>x.name===n)!; console.log(n, t.description, toCompactJson(advertisedInputSchema(t))); }
});
