#!/usr/bin/env bash
# Sets up a fresh machine if needed, then runs lint, typecheck and every test suite (unit,
# integration against real MLflow, end-to-end against the built binary). Ends with one line
# "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=node-env.sh
source scripts/node-env.sh
bash scripts/setup.sh

find . -name .vitest-report.json -not -path "*/node_modules/*" -delete
status=0
pnpm --silent lint || status=1
pnpm --silent typecheck || status=1
pnpm --silent test || status=1
node scripts/test-summary.mjs || status=1
exit $status
