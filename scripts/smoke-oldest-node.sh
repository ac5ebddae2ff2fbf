#!/usr/bin/env bash
# The oldest supported Node line (MLOPS_MCP_NODE_FLOOR in scripts/node-env.sh, the floor of
# package.json engines): installs it (cached), rebuilds the server and its workspace packages
# on it, then scripts/smoke.mjs checks the built binary over stdio and HTTP. Prints timings and
# "smoke (node X): N passed, N failed"; the counts go into test.sh's closing line.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=node-env.sh
source scripts/node-env.sh
mlops_node_use "$MLOPS_MCP_NODE_FLOOR"
t0=$(date +%s)
echo "smoke: node $(node --version) from $(command -v node)" >&2
pnpm exec turbo run build --force --filter='@mlops-mcp/server...' --output-logs=errors-only >&2
t1=$(date +%s)
node scripts/smoke.mjs
echo "smoke: build $((t1 - t0))s, checks $(( $(date +%s) - t1 ))s" >&2
