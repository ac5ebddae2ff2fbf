#!/usr/bin/env bash
# Everything a fresh machine needs: a supported Node (the pinned LTS, cached, when the machine's
# is older: scripts/node-env.sh), pnpm (pinned), workspace dependencies, a build, and the cached
# Python virtualenv with the real backends (MLflow, Prefect, Weave). Idempotent. Scripts that run
# it source scripts/node-env.sh first, so they run on the same Node.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=node-env.sh
source scripts/node-env.sh
echo "setup: node $(node --version) ($(command -v node))" >&2

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION" >&2
  # corepack cannot verify signatures against this registry; npm installs the exact version.
  npm install -g --silent "pnpm@$PNPM_VERSION" >&2
fi

# The Python backends (pip: network and disk) are prepared alongside the Node side below.
echo "setup: preparing the Python backends in the background (cached under ${MLOPS_MCP_CACHE:-$HOME/.cache/mlops-mcp})" >&2
bash scripts/python-env.sh >/dev/null &
python_pid=$!
# A Node-side failure ends set-up; do not leave pip running behind it.
trap '[ -z "$python_pid" ] || kill "$python_pid" 2>/dev/null || true' EXIT

echo "setup: installing workspace dependencies" >&2
pnpm install --frozen-lockfile --reporter=append-only >&2

echo "setup: building" >&2
pnpm --silent build >&2

# nginx (Debian) fronts two gateways in the scale-out test; install it where apt is available.
if ! command -v nginx >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing nginx-light for the scale-out test" >&2
  # apt allows one user at a time, and test.sh's background Docker check may be installing too.
  apt_get() { flock -w 600 /tmp/mlops-mcp-apt.lock timeout 300 apt-get "$@"; }
  apt_get install -y -qq nginx-light >&2 2>/dev/null ||
    { apt_get update -qq >&2 && apt_get install -y -qq nginx-light >&2; } ||
    echo "setup: could not install nginx; the scale-out test will say so" >&2
fi

python_status=0
wait "$python_pid" || python_status=$?
python_pid=""
[ "$python_status" = 0 ] || { echo "setup: the Python backends could not be prepared (see above)" >&2; exit 1; }
echo "setup: done" >&2
