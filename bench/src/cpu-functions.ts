import type { CpuProfile } from './cpu-categories.js';

/** Time one function spent on the CPU in a profile, in milliseconds. */
export interface FunctionCost {
  /** `name (file:line)`, the file shortened to its package-relative part. */
  function: string;
  /** Samples where it was the running (leaf) frame. */
  selfMs: number;
  /** Samples where it was anywhere on the stack (counted once per sample under recursion). */
  totalMs: number;
}

/**
 * Self and inclusive time by function, over the same busy samples `cpuBreakdown` counts (idle
 * and start-up module loading left out). Inclusive time is what answers "what does building a
 * server cost": the SDK's registration and the zod work below it all count towards it.
 */
export function functionCosts(profile: CpuProfile): FunctionCost[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frames: string[] = [];
    let startup = false;
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!.callFrame;
      if (frame.url.startsWith('node:internal/modules')) startup = true;
      frames.push(frameName(frame));
    }
    if (startup || frames[0] === '(idle)') return;
    self.set(frames[0]!, (self.get(frames[0]!) ?? 0) + micros);
    for (const name of new Set(frames)) total.set(name, (total.get(name) ?? 0) + micros);
  });
  return [...total]
    .map(([name, micros]) => ({
      function: name,
      selfMs: (self.get(name) ?? 0) / 1000,
      totalMs: micros / 1000,
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  if (frame.url === '') return frame.functionName || '(anonymous)';
  const file = frame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*\/(apps|packages)\//, '$1/');
  const line = frame.lineNumber === undefined ? '' : `:${frame.lineNumber + 1}`;
  return `${frame.functionName || '(anonymous)'} (${file}${line})`;
}
