// Sums every package's vitest JSON report into one closing line CI can read:
// "tests: N passed, N failed, N skipped". Exits 1 when a suite failed or nothing ran.
// With `--phases name=seconds...` (scripts/test.sh) it first prints how long each phase took.
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
const problems = [];
for (const file of reports) {
  if (!existsSync(file)) {
    // A package with tests that wrote no report crashed before its end: say so.
    const pkg = join(file, '..', 'package.json');
    if (file === '.smoke-report.json') {
      problems.push('smoke on the oldest Node: no report');
      suitesFailed += 1;
    } else if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).scripts?.test) {
      problems.push(`${join(file, '..')}: no test report (the run stopped before its end)`);
      suitesFailed += 1;
    }
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  suitesFailed += report.numFailedTestSuites;
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed')
      problems.push(`${suite.name}: ${suite.message || 'failed'}`.slice(0, 400));
  }
}
for (const p of problems) console.log(`failed: ${p}`);
const phasesAt = process.argv.indexOf('--phases');
if (phasesAt !== -1) {
  const phases = process.argv.slice(phasesAt + 1).map((arg) => arg.split('='));
  const total = phases.reduce((sum, [, seconds]) => sum + Number(seconds), 0);
  const minutes = (seconds) =>
    `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  const parts = phases.map(([name, seconds]) => `${name} ${minutes(Number(seconds))}`);
  console.log(`phases: ${parts.join(', ')}; total ${minutes(total)}`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || suitesFailed > 0 || passed === 0 ? 1 : 0);
