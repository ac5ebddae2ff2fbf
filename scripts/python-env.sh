#!/usr/bin/env bash
# Create (or reuse) the Python virtualenv holding the real backends (MLflow, Prefect, Weave)
# pinned in a lock file (python/requirements.lock: the newest releases tested; or another lock
# named by MLOPS_MCP_PYTHON_LOCK, e.g. python/requirements-oldest.lock), and print its path on
# stdout. Nothing else goes to stdout.
#
# The venv lives outside the repo, keyed by the lock's content, so each lock has its own:
#   ${MLOPS_MCP_CACHE:-$HOME/.cache/mlops-mcp}/venv-<first 12 hex of sha256(lock)>
# It is built in a temporary directory and renamed into place only once complete, so an
# interrupted install is never reused. uv (pinned below) is bootstrapped into $CACHE/uvboot;
# if that fails the install falls back to plain pip.
#
# Environment:
#   MLOPS_MCP_PYTHON_LOCK  lock file to install (default: python/requirements.lock); a relative
#                     path is taken from the repository root
#   MLOPS_MCP_CACHE   cache root (default: $HOME/.cache/mlops-mcp)
#   MLOPS_MCP_PYTHON  interpreter to build the venv from (default: python3)
#   UV_CACHE_DIR      honoured by uv as usual (default: uv's own cache dir)
set -euo pipefail

UV_VERSION=0.13.8

log() { printf 'python-env: %s\n' "$*" >&2; }
die() {
  printf 'python-env: error: %s\n' "$*" >&2
  exit 1
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCK="${MLOPS_MCP_PYTHON_LOCK:-python/requirements.lock}"
case "$LOCK" in
/*) ;;
*) LOCK="$ROOT/$LOCK" ;;
esac
CACHE="${MLOPS_MCP_CACHE:-$HOME/.cache/mlops-mcp}"
PY="${MLOPS_MCP_PYTHON:-python3}"

[ -f "$LOCK" ] || die "lock file not found: $LOCK"
command -v "$PY" >/dev/null 2>&1 || die "'$PY' not found on PATH (Python 3.11 is required)"
PY=$(command -v "$PY")

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -c1-64
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -c1-64
  else
    "$PY" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"
  fi
}

HASH=$(sha256_of "$LOCK" | cut -c1-12)
VENV="$CACHE/venv-$HASH"
MARKER="$VENV/.mlops-mcp-ready"

# A venv is reusable only if its success marker exists and its interpreter still runs.
ready() { [ -f "$1/.mlops-mcp-ready" ] && "$1/bin/python" -c '' >/dev/null 2>&1; }

if ready "$VENV"; then
  printf '%s\n' "$VENV"
  exit 0
fi

mkdir -p "$CACHE" || die "cannot create cache directory $CACHE"

# Serialise concurrent builders where flock exists (Linux); elsewhere the atomic rename decides.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.venv-$HASH.lock"
  flock 9
  if ready "$VENV"; then
    printf '%s\n' "$VENV"
    exit 0
  fi
fi

TMPDIRS=()
cleanup() {
  local d
  for d in "${TMPDIRS[@]+"${TMPDIRS[@]}"}"; do rm -rf "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Scripts in bin/ carry absolute shebangs (and activate scripts absolute paths) naming the
# directory they were built in; point them at the final location before renaming.
retarget() {
  "$PY" - "$1" "$2" <<'EOF'
import os, sys
old, new = sys.argv[1].encode(), sys.argv[2].encode()
bindir = os.path.join(sys.argv[1], "bin")
for name in os.listdir(bindir):
    path = os.path.join(bindir, name)
    if os.path.islink(path) or not os.path.isfile(path):
        continue
    with open(path, "rb") as f:
        head = f.read(2)
        if head != b"#!" and not name.startswith("activate"):
            continue
        data = head + f.read()
    if old in data:
        with open(path, "wb") as f:
            f.write(data.replace(old, new))
EOF
}

# Atomically move a finished build into place. Fails (leaving the target alone) if the target
# is a non-empty directory, which is what a concurrent builder that won the race leaves.
install_dir() {
  "$PY" -c 'import os,sys; os.rename(sys.argv[1], sys.argv[2])' "$1" "$2" 2>/dev/null
}

# Set UV to a uv $UV_VERSION binary, bootstrapping it into $CACHE/uvboot if needed.
bootstrap_uv() {
  local boot="$CACHE/uvboot" tmp
  case "$("$boot/bin/uv" --version 2>/dev/null || true)" in
  "uv $UV_VERSION" | "uv $UV_VERSION "*)
    UV="$boot/bin/uv"
    return 0
    ;;
  esac
  log "bootstrapping uv $UV_VERSION into $boot"
  tmp=$(mktemp -d "$CACHE/.uvboot.tmp.XXXXXX") || return 1
  TMPDIRS+=("$tmp")
  "$PY" -m venv "$tmp" >&2 || return 1
  "$tmp/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2 ||
    return 1
  "$tmp/bin/uv" --version >/dev/null 2>&1 || return 1
  retarget "$tmp" "$boot"
  rm -rf "$boot"
  install_dir "$tmp" "$boot" || return 1
  UV="$boot/bin/uv"
}

# Remove a stale, unmarked venv (left by an older scheme or by hand) so the rename can land.
if [ -e "$VENV" ] && ! ready "$VENV"; then
  log "removing incomplete venv $VENV"
  rm -rf "$VENV"
fi

START=$(date +%s)
BUILD=$(mktemp -d "$CACHE/.venv-$HASH.tmp.XXXXXX") || die "cannot create a temp dir in $CACHE"
TMPDIRS+=("$BUILD")
chmod 755 "$BUILD"

UV=
if bootstrap_uv; then
  log "installing $(basename "$LOCK") with $UV into $VENV"
  export UV_PYTHON_DOWNLOADS=never
  "$UV" venv --quiet --python "$PY" "$BUILD" >&2 ||
    die "'uv venv' failed for $PY"
  "$UV" pip sync --quiet --python "$BUILD/bin/python" "$LOCK" >&2 ||
    die "'uv pip sync $LOCK' failed (see output above)"
else
  log "could not bootstrap uv $UV_VERSION; falling back to pip (slower)"
  rm -rf "$BUILD" && mkdir -p "$BUILD"
  "$PY" -m venv "$BUILD" >&2 || die "'$PY -m venv' failed"
  "$BUILD/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    -r "$LOCK" >&2 || die "'pip install -r $LOCK' failed (see output above)"
fi

# Sanity check: the backends we need are importable as distributions with console scripts.
for tool in mlflow prefect; do
  [ -x "$BUILD/bin/$tool" ] || die "install finished but bin/$tool is missing"
done
"$BUILD/bin/python" - >&2 <<'EOF' || die "installed venv failed its sanity check"
from importlib.metadata import version
print("python-env: installed " + ", ".join(f"{d} {version(d)}" for d in ("mlflow", "prefect", "weave")))
EOF

retarget "$BUILD" "$VENV"
printf 'lock-sha256=%s\npython=%s\nbuilt=%s\n' "$(sha256_of "$LOCK")" \
  "$("$BUILD/bin/python" -c 'import sys; print(sys.version.split()[0])')" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$BUILD/.mlops-mcp-ready"

if ! install_dir "$BUILD" "$VENV"; then
  # Lost a race with a concurrent builder: use its venv if it is complete.
  ready "$VENV" || die "could not move $BUILD to $VENV"
  log "another process finished $VENV first; using it"
fi
log "venv ready in $(($(date +%s) - START)) s: $VENV"
[ -f "$MARKER" ] || die "marker missing after install: $MARKER"
printf '%s\n' "$VENV"
