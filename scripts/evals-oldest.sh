#!/usr/bin/env bash
# Runs the eval suite against the OLDEST backend releases the gateway supports
# (python/requirements-oldest.lock: mlflow 3.17.2, prefect 3.8.8), where CI runs it against the
# newest ones (python/requirements.lock). Builds (or reuses) that lock's own venv under
# ${MLOPS_MCP_CACHE:-$HOME/.cache/mlops-mcp}/venv-<hash of the lock>, then runs the evals with
# MLOPS_MCP_PYTHON_LOCK pointing at it, so the testkit starts those servers.
#
#   bash scripts/evals-oldest.sh [extra arguments for the eval run]
#
# Prints the venv build time and the eval run time on stderr. Exits with the evals' status.
set -euo pipefail
cd "$(dirname "$0")/.."

export MLOPS_MCP_PYTHON_LOCK="${MLOPS_MCP_PYTHON_LOCK:-python/requirements-oldest.lock}"

started=$(date +%s)
venv=$(bash scripts/python-env.sh)
built=$(date +%s)
"$venv/bin/python" - >&2 <<'PY'
from importlib.metadata import version
print("evals-oldest: backends " + ", ".join(f"{d} {version(d)}" for d in ("mlflow", "prefect", "weave")))
PY
echo "evals-oldest: venv ready in $((built - started)) s ($venv)" >&2

status=0
if grep -q '"evals"' package.json; then
  pnpm evals "$@" || status=$?
else
  pnpm --filter @mlops-mcp/evals test "$@" || status=$?
fi
echo "evals-oldest: evals finished in $(($(date +%s) - built)) s (exit $status)" >&2
exit $status
