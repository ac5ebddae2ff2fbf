#!/usr/bin/env bash
# The README's "run it" command: sets up a fresh machine if needed, starts real local MLflow and
# Prefect servers seeded with a small story (a fine-tuning sweep with one diverged run, an
# evaluation with traces and feedback, a pipeline with failed, crashed and late flow runs), and
# serves the gateway over HTTP at 127.0.0.1:${PORT:-3333}/mcp, printing the client configuration to
# paste. Ctrl-C stops everything. MLOPS_MCP_DEMO_SKIP_SETUP=1 skips set-up (CI has done it).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=node-env.sh
source scripts/node-env.sh
[ "${MLOPS_MCP_DEMO_SKIP_SETUP:-}" = "1" ] || bash scripts/setup.sh

PORT=${MLOPS_MCP_HTTP_PORT:-3333}
TOKEN=${MLOPS_MCP_HTTP_TOKEN:-$(node -e "process.stdout.write(require('node:crypto').randomBytes(18).toString('base64url'))")}
workdir=$(mktemp -d)
fifo="$workdir/backends.out"
mkfifo "$fifo"

echo "demo: starting real MLflow and Prefect servers and seeding them (about 30 s)..." >&2
node packages/testkit/dist/bin/backends.js --prefect > "$fifo" &
backends_pid=$!
cleanup() {
  kill "$backends_pid" 2>/dev/null || true
  wait "$backends_pid" 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM
read -r ready < "$fifo"
MLFLOW_URL=$(node -e "process.stdout.write(JSON.parse(process.argv[1]).mlflowUrl)" "$ready")
PREFECT_URL=$(node -e "process.stdout.write(JSON.parse(process.argv[1]).prefectUrl)" "$ready")

cat >&2 <<MSG

demo: MLflow is at $MLFLOW_URL (open it in a browser to see the seeded runs); Prefect's API at $PREFECT_URL.
demo: the gateway serves MCP at http://127.0.0.1:$PORT/mcp with bearer token $TOKEN

Connect a client:
  Claude Code:   claude mcp add --transport http mlops http://127.0.0.1:$PORT/mcp --header "Authorization: Bearer $TOKEN"
  MCP Inspector: npx @modelcontextprotocol/inspector   (Streamable HTTP, URL above, header Authorization: Bearer $TOKEN)
  Claude Desktop / Cursor (stdio, no token needed):
    {"mcpServers":{"mlops":{"command":"$(command -v node)","args":["$PWD/apps/server/dist/cli/main.js"],"env":{"MLFLOW_TRACKING_URI":"$MLFLOW_URL","PREFECT_API_URL":"$PREFECT_URL"}}}}

Try asking: "What failed in the last day, across everything?"
            "Which run in llama-finetune has the lowest train/loss? Plot the loss curves."
            "Why are my Prefect runs late?"
            "Find every run of invocation a1b2c3d4e5f60718 across experiments."
Ctrl-C to stop.

MSG
MLFLOW_TRACKING_URI="$MLFLOW_URL" PREFECT_API_URL="$PREFECT_URL" MLOPS_MCP_HTTP_TOKEN="$TOKEN" \
  node apps/server/dist/cli/main.js serve --http --port "$PORT"
