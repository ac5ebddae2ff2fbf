// Sums every package's vitest JSON report into one closing line CI can read:
// "tests: N passed, N failed, N skipped". Exits 1 when a suite failed or nothing ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps'];
// Single-package workspace folders at the top level.
const singles = ['examples', 'bench', 'evals'];
let passed = 0;
let failed = 0;
let skipped = 0;
let suitesFailed = 0;
const reports = [
  ...roots.flatMap((root) =>
    existsSync(root) ? readdirSync(root).map((dir) => join(root, dir)) : [],
  ),
  ...singles,
].map((dir) => join(dir, '.vitest-report.json'));
// scripts/smoke.mjs (the oldest Node line) writes the same fields.
reports.push('.smoke-report.json');
for (const file of reports) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  suitesFailed += report.numFailedTestSuites;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || suitesFailed > 0 || passed === 0 ? 1 : 0);
