import { it } from 'vitest';
import { estimateTokens } from '@mlops-mcp/core';
import { allTools } from '../src/backends/all-tools.js';
import { DEFAULT_PROFILE } from '../src/tools/default-profile.js';
import { toolListingTokens, toolVisibleTokens } from '../src/docs/tool-cost.js';
const med = (v: number[]) => { const s=[...v].sort((a,b)=>a-b); return s[Math.floor((s.length-1)/2)]; };
it('measure', () => {
  const tools = allTools();
  const rows = tools.map((t) => ({ n: t.name, v: toolVisibleTokens(t), f: toolListingTokens(t), d: estimateTokens(t.description), def: DEFAULT_PROFILE.includes(t.name), a: t.access }));
  const def = rows.filter(r=>r.def);
  console.log('median all', med(rows.map(r=>r.v)), 'median default', med(def.map(r=>r.v)), 'default vis', def.reduce((s,r)=>s+r.v,0), 'default full', def.reduce((s,r)=>s+r.f,0), 'all vis', rows.reduce((s,r)=>s+r.v,0), 'desc median', med(rows.map(r=>r.d)));
  if (process.env.ROWS) for (const r of rows.filter(r => process.env.ROWS === 'all' || r.def).sort((a,b)=>b.v-a.v)) console.log(r.n, r.v, r.d, r.def?'D':'');
});
