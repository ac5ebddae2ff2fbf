#!/usr/bin/env bash
# Sets up a fresh machine if needed, then runs lint, typecheck and every test suite (unit,
# integration against real MLflow, Prefect and Weave, end-to-end against the built binary, the
# packed npm package, the MCP conformance suite), then a smoke run on the oldest supported Node.
# The real backends start once, in the background while lint and typecheck run, and every
# package's tests share them (MLOPS_MCP_TEST_BACKENDS; see docs/ARCHITECTURE.md "Real backends in
# tests"). Ends with the time of each phase and one line "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=node-env.sh
source scripts/node-env.sh

phases=()
phase_start=$SECONDS
# Records the time since the previous phase ended under the name $1.
end_phase() {
  phases+=("$1=$((SECONDS - phase_start))")
  phase_start=$SECONDS
}

# The Docker image check (scripts/docker-smoke.sh, root only) builds the image from a clean clone
# and spends most of its minutes on the network and the disk: it starts first, in the background,
# and apps/server's docker-image test reads its result from MLOPS_MCP_DOCKER_SMOKE.
docker_dir=""
docker_pid=""
if [ "$(id -u)" = 0 ] && [ -z "${MLOPS_MCP_DOCKER_SMOKE:-}" ]; then
  docker_dir=$(mktemp -d "${TMPDIR:-/tmp}/mlops-mcp-docker-smoke.XXXXXX")
  (
    rc=0
    bash scripts/docker-smoke.sh >"$docker_dir/stdout" 2>"$docker_dir/stderr" || rc=$?
    echo "$rc" >"$docker_dir/rc.tmp" && mv "$docker_dir/rc.tmp" "$docker_dir/rc"
  ) &
  docker_pid=$!
  export MLOPS_MCP_DOCKER_SMOKE="$docker_dir"
fi
stop_docker_smoke() {
  [ -n "$docker_pid" ] || return 0
  # Still building when the tests ended early: stop it (the script stops its dockerd on TERM).
  pkill -TERM -P "$docker_pid" 2>/dev/null || true
  wait "$docker_pid" 2>/dev/null || true
  rm -rf "$docker_dir"
  docker_pid=""
}
trap stop_docker_smoke EXIT

bash scripts/setup.sh
end_phase setup

# Every shared backend, started and seeded once; they stop when this script exits.
backends_file=$(mktemp "${TMPDIR:-/tmp}/mlops-mcp-test-backends.XXXXXX")
exec 3< <(exec node packages/testkit/dist/bin/test-backends.js "$backends_file")
backends_pid=$!
stop_backends() {
  kill -TERM "$backends_pid" 2>/dev/null || true
  # test-backends closes its stdout when it exits, after stopping every server.
  cat <&3 >/dev/null 2>&1 || true
  rm -f "$backends_file" "$backends_file.ready" "$backends_file.ready.tmp"
}
trap 'stop_backends; stop_docker_smoke' EXIT
# run-tests.mjs starts the packages that need none of these at once and the others once this
# file says "ready" (or "failed": then they start their own).
backends_ready="$backends_file.ready"
(
  state=failed
  if read -r -u 3 line && [ "$line" = ready ]; then state=ready; fi
  echo "$state" >"$backends_ready.tmp" && mv "$backends_ready.tmp" "$backends_ready"
) &
export MLOPS_MCP_TEST_BACKENDS="$backends_file" MLOPS_MCP_TEST_BACKENDS_READY="$backends_ready"

find . -name .vitest-report.json -not -path "*/node_modules/*" -delete
status=0
pnpm --silent lint || status=1
end_phase lint
pnpm --silent typecheck || status=1
end_phase typecheck

pnpm --silent test || status=1
end_phase tests
unset MLOPS_MCP_TEST_BACKENDS MLOPS_MCP_TEST_BACKENDS_READY
stop_backends
stop_docker_smoke
trap - EXIT

# The oldest supported Node line: build + stdio/HTTP smoke of the binary (counted below).
rm -f .smoke-report.json
bash scripts/smoke-oldest-node.sh || status=1
end_phase smoke
node scripts/test-summary.mjs --phases "${phases[@]}" || status=1
exit $status
