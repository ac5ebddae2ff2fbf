#!/usr/bin/env node
// Fails when any relative import (type-only imports included) closes a loop between the
// TypeScript files of a package's src/. Run by `pnpm lint` (so by scripts/test.sh as well).
// It reads imports with the TypeScript compiler's own pre-processor (no extra dependency) and
// finds loops as strongly connected components (Tarjan). Usage: node scripts/check-import-loops.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// typescript is a dev dependency of every package; resolve it from core's.
const ts = createRequire(join(root, 'packages/core/package.json'))('typescript');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const roots = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name, 'src')))
  .filter((dir) => existsSync(dir));
const files = roots.flatMap((dir) => walk(dir));
const edges = new Map();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = info.importedFiles
    .map((ref) => resolveImport(file, ref.fileName))
    .filter((target) => target !== undefined);
  edges.set(file, [...new Set(targets)]);
}

// Tarjan's strongly connected components; every component with more than one file is a loop.
let index = 0;
const stack = [];
const state = new Map();
const loops = [];
function connect(file) {
  const node = { index, low: index, onStack: true };
  index += 1;
  state.set(file, node);
  stack.push(file);
  for (const next of edges.get(file) ?? []) {
    const seen = state.get(next);
    if (!seen) {
      connect(next);
      node.low = Math.min(node.low, state.get(next).low);
    } else if (seen.onStack) {
      node.low = Math.min(node.low, seen.index);
    }
  }
  if (node.low === node.index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(member);
    } while (member !== file);
    const selfLoop = component.length === 1 && (edges.get(file) ?? []).includes(file);
    if (component.length > 1 || selfLoop) loops.push(component);
  }
}
for (const file of files) if (!state.has(file)) connect(file);

if (loops.length > 0) {
  console.error(`import loops: ${loops.length} (each list below imports itself in a circle)`);
  for (const loop of loops) {
    console.error(
      `- ${loop
        .map((file) => relative(root, file))
        .sort()
        .join('\n  ')}`,
    );
  }
  console.error(
    'Break a loop by passing a small context (see docs/ARCHITECTURE.md) instead of importing back.',
  );
  process.exit(1);
}
console.log(`import loops: none in ${files.length} files`);
