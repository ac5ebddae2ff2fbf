#!/usr/bin/env bash
# Sets up a fresh machine if needed, then runs lint, typecheck and every test suite (unit,
# integration against real MLflow, end-to-end against the built binary, the packed npm package,
# the MCP conformance suite), then a smoke run on the oldest supported Node. Ends with one line
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
# The oldest supported Node line: build + stdio/HTTP smoke of the binary (counted below).
rm -f .smoke-report.json
bash scripts/smoke-oldest-node.sh || status=1
node scripts/test-summary.mjs || status=1
exit $status
