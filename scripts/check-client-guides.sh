#!/usr/bin/env bash
# NOT PART OF CI: it downloads the client CLIs from the npm registry (about 1.2 GB; Claude Code's
# native binary alone is ~380 MB) and takes a few minutes. Run it by hand after changing
# docs/clients/ or when a client releases a new version.
#
# Runs the commands of docs/clients/{claude-code,codex-cli,gemini-cli,mcp-inspector}.md against a
# real gateway (apps/server/dist/cli/main.js: build first) over stdio and over HTTP with a bearer
# token, each client with a throw-away HOME, and checks what they print and the config they write.
# The backend is the W&B stand-in from @mlops-mcp/testkit plus an unreachable MLflow
# (MLFLOW_TRACKING_URI=http://127.0.0.1:1); no Python server and no network beyond the registry.
# Codex has no offline connection check (`codex mcp list` only shows the config), so it is
# checked with `codex exec` against a local stand-in for the model API that asks for one
# gateway tool call. Claude Code's and Gemini CLI's interactive sessions need a login and are
# not started: project approval / folder trust are granted the way those CLIs store them. The
# Inspector's web UI is not started either.
#
# The CLI versions are pinned to the ones the guides name; override with CLAUDE_CODE_VERSION,
# CODEX_VERSION, GEMINI_CLI_VERSION, INSPECTOR_VERSION. The Inspector needs Node >= 22.19: when the
# `node` on PATH is older, node@24 from the registry is used for it. Cache:
# $CLIENT_CHECK_CACHE (default ~/.cache/mlops-mcp-client-check). Exits 1 if any check fails.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GW="$ROOT/apps/server/dist/cli/main.js"
CACHE=${CLIENT_CHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops-mcp-client-check}
CLAUDE_CODE_VERSION=${CLAUDE_CODE_VERSION:-2.1.329}
CODEX_VERSION=${CODEX_VERSION:-0.169.0}
GEMINI_CLI_VERSION=${GEMINI_CLI_VERSION:-0.61.0}
INSPECTOR_VERSION=${INSPECTOR_VERSION:-2.12.0}
UNREACHABLE_MLFLOW=http://127.0.0.1:1

[ -f "$GW" ] || { echo "check-client-guides: $GW is missing: run 'pnpm turbo run build' first" >&2; exit 2; }
[ -f "$ROOT/packages/testkit/dist/index.js" ] || { echo "check-client-guides: packages/testkit is not built" >&2; exit 2; }

# --- install (outside the repository) -------------------------------------------------------
install_pkg() { # dir package version
  local dir="$CACHE/$1" pkg=$2 version=$3
  if [ "$(node -p "try{require('$dir/node_modules/$pkg/package.json').version}catch{''}" 2>/dev/null)" != "$version" ]; then
    echo "installing $pkg@$version into $dir" >&2
    mkdir -p "$dir"
    # An exact version: npm would otherwise pick an older release when engines excludes this Node.
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$pkg@$version" >&2
  fi
}
install_pkg claude-code @anthropic-ai/claude-code "$CLAUDE_CODE_VERSION"
install_pkg codex @openai/codex "$CODEX_VERSION"
install_pkg gemini-cli @google/gemini-cli "$GEMINI_CLI_VERSION"
install_pkg inspector @modelcontextprotocol/inspector "$INSPECTOR_VERSION"
CLAUDE="$CACHE/claude-code/node_modules/.bin/claude"
CODEX="$CACHE/codex/node_modules/.bin/codex"
GEMINI="$CACHE/gemini-cli/node_modules/.bin/gemini"
INSPECTOR_DIR="$CACHE/inspector"
INSPECTOR_NODE_DIR=$(dirname "$(command -v node)")
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)'; then
  [ -x "$CACHE/node24/node_modules/node/bin/node" ] || npm install --prefix "$CACHE/node24" --no-audit --no-fund --loglevel=error node@24 >&2
  INSPECTOR_NODE_DIR="$CACHE/node24/node_modules/node/bin"
fi

# --- backend, gateway, model stand-in -------------------------------------------------------
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/standin.mjs" <<EOF
import { startWandbStandin } from '$ROOT/packages/testkit/dist/index.js';
const s = await startWandbStandin();
console.log(JSON.stringify({ url: s.url, apiKey: s.apiKey, entity: s.entity }));
setInterval(() => {}, 1 << 30);
EOF
node "$WORK/standin.mjs" > "$WORK/standin.json" 2> "$WORK/standin.err" &
PIDS+=($!)
wait_for_file() { for _ in $(seq 100); do [ -s "$1" ] && return 0; sleep 0.1; done; echo "timed out waiting for $1" >&2; cat "${2:-/dev/null}" >&2; exit 2; }
wait_for_file "$WORK/standin.json" "$WORK/standin.err"
WANDB_BASE_URL=$(node -p "require('$WORK/standin.json').url")
WANDB_API_KEY=$(node -p "require('$WORK/standin.json').apiKey")
WANDB_ENTITY=$(node -p "require('$WORK/standin.json').entity")
export WANDB_BASE_URL WANDB_API_KEY WANDB_ENTITY

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PORT=$(free_port)
TOKEN=$(node -e "console.log(require('node:crypto').randomBytes(24).toString('base64url'))")
URL="http://127.0.0.1:$PORT/mcp"
MLOPS_MCP_HTTP_TOKEN=$TOKEN MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW node "$GW" --http --port "$PORT" \
  > "$WORK/gateway.out" 2> "$WORK/gateway.err" &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/health" > /dev/null || { echo "gateway did not start:" >&2; cat "$WORK/gateway.err" >&2; exit 2; }

# A stand-in for the OpenAI Responses API (streamed): asks for one call of $CALL_TOOL once the
# client offers it (MCP tools may arrive a request later while the server starts: until then it
# spends a round on Codex's harmless built-in list_mcp_resources), then ends the turn.
cat > "$WORK/fake-responses.mjs" <<'EOF'
import { createServer } from 'node:http';
let n = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (!req.url.endsWith('/responses')) { res.writeHead(404).end(); return; }
    const input = JSON.parse(body);
    const id = `resp_${++n}`;
    const want = process.env.CALL_TOOL;
    const tools = (input.tools ?? []).flatMap((t) => (t.type === 'namespace' ? (t.tools ?? []).map((f) => ({ ...f, namespace: t.name })) : [t]));
    const tool = tools.find((t) => t.name === want);
    const called = (input.input ?? []).some((i) => i.type === 'function_call' && (i.name ?? '').endsWith(want));
    let item;
    if (!called && tool) {
      item = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: tool.name, ...(tool.namespace ? { namespace: tool.namespace } : {}), arguments: '{}' };
    } else if (!called && n <= 10 && tools.some((t) => t.name === 'list_mcp_resources')) {
      item = { type: 'function_call', id: `fc_w${n}`, call_id: `call_w${n}`, name: 'list_mcp_resources', arguments: '{}' };
    } else {
      item = { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: 'done', annotations: [] }] };
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const ev = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    ev('response.created', { response: { id } });
    ev('response.output_item.done', { output_index: 0, item });
    ev('response.completed', { response: { id, output: [item], usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } } });
    setTimeout(() => res.end(), item.name === 'list_mcp_resources' ? 500 : 0);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
EOF
CALL_TOOL=mlops_overview node "$WORK/fake-responses.mjs" > "$WORK/fake.port" 2> "$WORK/fake.err" &
PIDS+=($!)
wait_for_file "$WORK/fake.port" "$WORK/fake.err"
FAKE_PORT=$(cat "$WORK/fake.port")

# --- helpers ----------------------------------------------------------------------------------
PASS=0 FAIL=0
ok() { echo "ok   $1"; PASS=$((PASS + 1)); }
bad() { echo "FAIL $1"; [ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/     | /' "$2" | head -25; FAIL=$((FAIL + 1)); }
# contains DESCRIPTION FILE TEXT...: every TEXT occurs in FILE
contains() {
  local desc=$1 file=$2; shift 2
  for text in "$@"; do grep -qF -- "$text" "$file" || { bad "$desc (missing: $text)" "$file"; return 0; }; done
  ok "$desc"
}
lacks() { if grep -qF -- "$3" "$2"; then bad "$1 (unexpected: $3)" "$2"; else ok "$1"; fi; }
# exits DESCRIPTION WANT RC FILE: the command exited with WANT
exits() { if [ "$3" = "$2" ]; then ok "$1"; else bad "$1 (exit $3, want $2)" "$4"; fi; }
# js DESCRIPTION EXPRESSION: a Node expression that must be true (helpers: read(path), json(path))
js() {
  if node -e "const fs=require('fs');const read=(p)=>fs.readFileSync(p,'utf8');const json=(p)=>JSON.parse(read(p));process.exit(($2)?0:1)" 2> "$WORK/js.err"; then ok "$1"; else bad "$1" "$WORK/js.err"; fi
}
# run FILE CMD...: CMD's stdout+stderr into FILE; prints its exit code (never fails the script)
run() { local out=$1; shift; set +e; timeout 180 "$@" > "$out" 2>&1; local rc=$?; set -e; echo "$rc"; }
OUT="$WORK/out"; mkdir -p "$OUT"

# --- Claude Code ------------------------------------------------------------------------------
echo "# Claude Code $CLAUDE_CODE_VERSION"
export HOME="$WORK/home-claude"; mkdir -p "$HOME" "$WORK/proj-claude"; cd "$WORK/proj-claude"
rc=$(run "$OUT/c1" "$CLAUDE" mcp add mlops \
  -e MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW \
  -e PREFECT_API_URL=http://127.0.0.1:4200/api \
  -- node "$GW")
exits "claude mcp add (stdio) accepted as written" 0 "$rc" "$OUT/c1"
js "claude: stdio entry in ~/.claude.json" "(()=>{const e=json('$HOME/.claude.json').projects['$PWD'].mcpServers.mlops;return e.type==='stdio'&&e.command==='node'&&e.args[0]==='$GW'&&e.env.MLFLOW_TRACKING_URI==='$UNREACHABLE_MLFLOW'})()"
run "$OUT/c2" "$CLAUDE" mcp list > /dev/null
contains "claude mcp list: stdio connected" "$OUT/c2" "mlops: node $GW - ✔ Connected"
"$CLAUDE" mcp remove mlops > /dev/null 2>&1
rc=$(run "$OUT/c3" "$CLAUDE" mcp add -e MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW mlops -- node "$GW")
exits "claude: -e before the name swallows it (as the guide warns)" 1 "$rc" "$OUT/c3"
"$CLAUDE" mcp remove mlops > /dev/null 2>&1 || true
rc=$(run "$OUT/c4" "$CLAUDE" mcp add --transport http mlops "$URL" \
  --header "Authorization: Bearer $TOKEN")
exits "claude mcp add (HTTP) accepted as written" 0 "$rc" "$OUT/c4"
js "claude: HTTP entry in ~/.claude.json" "(()=>{const e=json('$HOME/.claude.json').projects['$PWD'].mcpServers.mlops;return e.type==='http'&&e.url==='$URL'&&e.headers.Authorization==='Bearer $TOKEN'})()"
run "$OUT/c5" "$CLAUDE" mcp list > /dev/null
contains "claude mcp list: HTTP with bearer token connected" "$OUT/c5" "mlops: $URL (HTTP) - ✔ Connected"
"$CLAUDE" mcp remove mlops > /dev/null 2>&1
cat > .mcp.json <<EOF
{ "mcpServers": { "mlops": { "type": "http", "url": "$URL",
  "headers": { "Authorization": "Bearer \${MLOPS_MCP_HTTP_TOKEN}" } } } }
EOF
MLOPS_MCP_HTTP_TOKEN=$TOKEN run "$OUT/c6" "$CLAUDE" mcp list > /dev/null
contains "claude: .mcp.json server waits for approval" "$OUT/c6" "Pending approval"
# What approving in an interactive session stores (that session needs a login, so not started).
node -e "const f='$HOME/.claude.json';const j=JSON.parse(require('fs').readFileSync(f));j.projects['$PWD'].hasTrustDialogAccepted=true;require('fs').writeFileSync(f,JSON.stringify(j))"
mkdir -p .claude && echo '{"enabledMcpjsonServers":["mlops"]}' > .claude/settings.local.json
MLOPS_MCP_HTTP_TOKEN=$TOKEN run "$OUT/c7" "$CLAUDE" mcp list > /dev/null
contains "claude: approved .mcp.json, \${MLOPS_MCP_HTTP_TOKEN} in headers expanded" "$OUT/c7" "✔ Connected"
MLOPS_MCP_HTTP_TOKEN=wrong run "$OUT/c8" "$CLAUDE" mcp list > /dev/null
contains "claude: wrong token in the variable is refused" "$OUT/c8" "HTTP 401"
cat > .mcp.json <<EOF
{ "mcpServers": { "mlops": { "command": "node", "args": ["$GW"],
  "env": { "MLFLOW_TRACKING_URI": "\${MLFLOW_TRACKING_URI:-$UNREACHABLE_MLFLOW}", "WANDB_API_KEY": "\${WANDB_API_KEY}" } } } }
EOF
run "$OUT/c9" "$CLAUDE" mcp list > /dev/null
contains "claude: .mcp.json stdio entry with expansions connected" "$OUT/c9" "mlops: node $GW - ✔ Connected"

# --- Codex CLI --------------------------------------------------------------------------------
echo "# Codex CLI $CODEX_VERSION"
export HOME="$WORK/home-codex"; mkdir -p "$HOME" "$WORK/proj-codex"; cd "$WORK/proj-codex"
codex_exec() { # OUTFILE: one non-interactive turn against the model stand-in
  FAKE_KEY=x run "$1" "$CODEX" exec --json --skip-git-repo-check -c model_provider=fake -c model=fake \
    -c "model_providers.fake={name=\"fake\",base_url=\"http://127.0.0.1:$FAKE_PORT/v1\",wire_api=\"responses\",env_key=\"FAKE_KEY\"}" \
    "overview" < /dev/null > /dev/null
}
rc=$(run "$OUT/x1" "$CODEX" mcp add mlops \
  --env MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW \
  --env PREFECT_API_URL=http://127.0.0.1:4200/api \
  -- node "$GW")
exits "codex mcp add (stdio) accepted as written" 0 "$rc" "$OUT/x1"
contains "codex: stdio table in config.toml" "$HOME/.codex/config.toml" \
  '[mcp_servers.mlops]' 'command = "node"' "args = [\"$GW\"]" '[mcp_servers.mlops.env]' \
  "MLFLOW_TRACKING_URI = \"$UNREACHABLE_MLFLOW\"" 'PREFECT_API_URL = "http://127.0.0.1:4200/api"'
# The guide's env_vars line, added by hand (W&B key from the environment; the stand-in's URL in env).
cat > "$HOME/.codex/config.toml" <<EOF
[mcp_servers.mlops]
command = "node"
args = ["$GW"]
env_vars = ["WANDB_API_KEY"]

[mcp_servers.mlops.env]
MLFLOW_TRACKING_URI = "$UNREACHABLE_MLFLOW"
WANDB_BASE_URL = "$WANDB_BASE_URL"
EOF
run "$OUT/x2" "$CODEX" mcp get mlops > /dev/null
contains "codex mcp get: env_vars forwarded" "$OUT/x2" "WANDB_API_KEY=*****"
codex_exec "$OUT/x3"
contains "codex exec: stdio gateway tool called, W&B key forwarded by env_vars" "$OUT/x3" \
  '"server":"mlops","tool":"mlops_overview"' '"status":"completed"' '\"backend\":\"wandb\"' '\"authenticated\":true'
"$CODEX" mcp remove mlops > /dev/null 2>&1
rc=$(MLOPS_MCP_HTTP_TOKEN=$TOKEN run "$OUT/x4" "$CODEX" mcp add mlops --url "$URL" --bearer-token-env-var MLOPS_MCP_HTTP_TOKEN)
exits "codex mcp add --url --bearer-token-env-var accepted" 0 "$rc" "$OUT/x4"
contains "codex: HTTP table in config.toml" "$HOME/.codex/config.toml" \
  '[mcp_servers.mlops]' "url = \"$URL\"" 'bearer_token_env_var = "MLOPS_MCP_HTTP_TOKEN"'
MLOPS_MCP_HTTP_TOKEN=$TOKEN codex_exec "$OUT/x5"
contains "codex exec: HTTP gateway with bearer token, tool called" "$OUT/x5" \
  '"server":"mlops","tool":"mlops_overview"' '"status":"completed"' '\"authenticated\":true'
MLOPS_MCP_HTTP_TOKEN=wrong codex_exec "$OUT/x6"
lacks "codex exec: wrong token gives no gateway tools" "$OUT/x6" '"server":"mlops"'

# --- Gemini CLI -------------------------------------------------------------------------------
echo "# Gemini CLI $GEMINI_CLI_VERSION"
export HOME="$WORK/home-gemini"; mkdir -p "$HOME" "$WORK/proj-gemini"; cd "$WORK/proj-gemini"
SETTINGS="$HOME/.gemini/settings.json"
rc=$(run "$OUT/g1" "$GEMINI" mcp add --scope user -e MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW mlops node "$GW")
exits "gemini mcp add (stdio) accepted as written" 0 "$rc" "$OUT/g1"
js "gemini: stdio entry in ~/.gemini/settings.json" "(()=>{const e=json('$SETTINGS').mcpServers.mlops;return e.command==='node'&&e.args[0]==='$GW'&&e.env.MLFLOW_TRACKING_URI==='$UNREACHABLE_MLFLOW'})()"
run "$OUT/g2" "$GEMINI" mcp list > /dev/null
contains "gemini mcp list: untrusted folder disables servers" "$OUT/g2" "mlops: node $GW (stdio) - Disabled"
echo "{\"$PWD\": \"TRUST_FOLDER\"}" > "$HOME/.gemini/trustedFolders.json" # what "Trust folder" stores
run "$OUT/g3" "$GEMINI" mcp list > /dev/null
contains "gemini mcp list: stdio connected" "$OUT/g3" "mlops: node $GW (stdio) - Connected"
cat > "$SETTINGS" <<EOF
{ "mcpServers": { "mlops": { "command": "node", "args": ["$GW"],
  "env": { "MLFLOW_TRACKING_URI": "$UNREACHABLE_MLFLOW", "WANDB_API_KEY": "\$WANDB_API_KEY" }, "timeout": 60000 } } }
EOF
run "$OUT/g4" "$GEMINI" mcp list > /dev/null
contains "gemini: the guide's stdio settings.json connected" "$OUT/g4" "- Connected"
"$GEMINI" mcp remove --scope user mlops > /dev/null 2>&1
rc=$(run "$OUT/g5" "$GEMINI" mcp add --scope user --transport http --header "Authorization: Bearer $TOKEN" mlops "$URL")
exits "gemini mcp add (HTTP) accepted as written" 0 "$rc" "$OUT/g5"
js "gemini: HTTP entry (url + type http + headers)" "(()=>{const e=json('$SETTINGS').mcpServers.mlops;return e.url==='$URL'&&e.type==='http'&&e.headers.Authorization==='Bearer $TOKEN'})()"
run "$OUT/g6" "$GEMINI" mcp list > /dev/null
contains "gemini mcp list: HTTP with bearer token connected" "$OUT/g6" "mlops: $URL (http) - Connected"
cat > "$SETTINGS" <<EOF
{ "mcpServers": { "mlops": { "httpUrl": "$URL",
  "headers": { "Authorization": "Bearer \$MLOPS_MCP_HTTP_TOKEN" }, "timeout": 60000 } } }
EOF
MLOPS_MCP_HTTP_TOKEN=$TOKEN run "$OUT/g7" "$GEMINI" mcp list > /dev/null
contains "gemini: the guide's httpUrl settings.json, \$MLOPS_MCP_HTTP_TOKEN expanded" "$OUT/g7" "- Connected"
MLOPS_MCP_HTTP_TOKEN=wrong run "$OUT/g8" "$GEMINI" mcp list > /dev/null
contains "gemini: wrong token is refused" "$OUT/g8" "- Disconnected"

# --- MCP Inspector ----------------------------------------------------------------------------
echo "# MCP Inspector $INSPECTOR_VERSION"
export HOME="$WORK/home-inspector"; mkdir -p "$HOME"; cd "$INSPECTOR_DIR" # npx finds the cached install
INSPECTOR=(env "PATH=$INSPECTOR_NODE_DIR:$PATH" NPM_CONFIG_UPDATE_NOTIFIER=false npx @modelcontextprotocol/inspector)
rc=$(run "$OUT/i1" "${INSPECTOR[@]}" --cli -e MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW \
  node "$GW" --method tools/list)
exits "inspector --cli stdio tools/list" 0 "$rc" "$OUT/i1"
contains "inspector --cli stdio tools/list: tools listed" "$OUT/i1" '"name": "mlops_overview"'
rc=$(run "$OUT/i2" "${INSPECTOR[@]}" --cli -e MLFLOW_TRACKING_URI=$UNREACHABLE_MLFLOW \
  -e MLOPS_MCP_TOOLS=mlflow_get_best_run \
  node "$GW" \
  --method tools/call --tool-name mlflow_get_best_run \
  --tool-arg metric=val/accuracy --tool-arg direction=desc)
# MLflow is unreachable here, so the call reaches the tool and returns isError: exit code 5.
exits "inspector --cli stdio tools/call: isError gives exit 5" 5 "$rc" "$OUT/i2"
contains "inspector --cli stdio tools/call: the tool ran" "$OUT/i2" '"isError": true' 'Could not reach mlflow'
rc=$(run "$OUT/i3" "${INSPECTOR[@]}" --cli --server-url "$URL" --transport http \
  --header "Authorization: Bearer $TOKEN" --method tools/list)
exits "inspector --cli HTTP tools/list with bearer token" 0 "$rc" "$OUT/i3"
contains "inspector --cli HTTP tools/list: tools listed" "$OUT/i3" '"name": "wandb_search_runs"'
rc=$(run "$OUT/i4" "${INSPECTOR[@]}" --cli --server-url "$URL" --transport http \
  --header "Authorization: Bearer $TOKEN" --method tools/call --tool-name mlops_overview)
exits "inspector --cli HTTP tools/call" 0 "$rc" "$OUT/i4"
contains "inspector --cli HTTP tools/call: W&B stand-in answered" "$OUT/i4" '"authenticated": true'
run "$OUT/i5" "${INSPECTOR[@]}" --cli --server-url "$URL" --transport http --method tools/list > /dev/null
contains "inspector --cli HTTP without token: auth_required" "$OUT/i5" '"code":"auth_required"'
for era in auto legacy modern; do
  cat > "$WORK/mlops.json" <<EOF
{ "mcpServers": { "mlops": { "type": "http", "url": "$URL",
  "headers": { "Authorization": "Bearer $TOKEN" }, "protocolEra": "$era" } } }
EOF
  cp "$WORK/mlops.json" "$WORK/mlops.before.json"
  rc=$(run "$OUT/i6-$era" "${INSPECTOR[@]}" --cli --config "$WORK/mlops.json" --server mlops --method tools/list)
  exits "inspector --config, protocolEra $era" 0 "$rc" "$OUT/i6-$era"
  contains "inspector --config, protocolEra $era: tools listed" "$OUT/i6-$era" '"name": "mlops_overview"'
  if cmp -s "$WORK/mlops.json" "$WORK/mlops.before.json"; then ok "inspector left the --config file unchanged"; else bad "inspector changed the --config file"; fi
done

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
