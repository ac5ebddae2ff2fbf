import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { allTools } from '../src/backends/all-tools.js';
import { DEFAULT_PROFILE } from '../src/tools/default-profile.js';
import { advertisedInputSchema } from '../src/tools/advertised-schema.js';
import { toolVisibleTokens } from '../src/docs/tool-cost.js';
it('dump', () => {
  const out: string[] = [];
  for (const t of allTools()) {
    if (process.env.ALL !== '1' && !DEFAULT_PROFILE.includes(t.name)) continue;
    const s = advertisedInputSchema(t) as any;
    out.push(`## ${t.name} (${toolVisibleTokens(t)})\n${t.description}`);
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) out.push(`  - ${k}: ${JSON.stringify({ ...v, description: undefined })} :: ${v.description ?? ''}`);
  }
  writeFileSync('/tmp/lt/dump.txt', out.join('\n'));
});
