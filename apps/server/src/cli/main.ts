#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Node's on-disk compile cache (os.tmpdir()/node-compile-cache unless NODE_COMPILE_CACHE names
// another directory): a second start reuses the V8 code of every module instead of compiling it
// again. It has to be on before the rest loads, hence the dynamic import below. A cache that
// cannot be written (read-only file system) only costs the speed-up; it never fails the start.
try {
  enableCompileCache();
} catch {
  // Not available or not writable: start uncached.
}

const { runCli } = await import('./run.js');
runCli(process.argv.slice(2));
