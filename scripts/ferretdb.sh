#!/usr/bin/env bash
# FerretDB 1.24 speaks MongoDB's wire protocol on top of SQLite: the Mongo store's tests run
# against it, since no MongoDB server can be installed on these machines.
#
#   bash scripts/ferretdb.sh install   builds the binary into $(go env GOPATH)/bin (skipped when there)
#   bash scripts/ferretdb.sh start     starts it on a free loopback port, waits until it answers, and
#                                      prints `export MONGODB_URI=...` (so: eval "$(bash scripts/ferretdb.sh start)")
#   bash scripts/ferretdb.sh stop      stops the instance whose FERRETDB_HOME `start` exported
#
# Each `start` gets its own home (data, log, pid) unless FERRETDB_HOME is set, so people sharing
# a machine do not stop each other's instance. Everything but the export lines goes to stderr,
# so `eval` only ever sees them.
set -euo pipefail
cd "$(dirname "$0")/.."   # `answers` loads the mongodb driver from the project's node_modules

VERSION="v1.24.2"
MODULE="github.com/FerretDB/FerretDB"
GOPATH_DIR="$(go env GOPATH 2>/dev/null || echo "${HOME:-/root}/go")"
BIN="${FERRETDB_BIN:-${GOPATH_DIR%%:*}/bin/ferretdb}"
# Where `start` keeps its data, log and pid; one instance per home.
FERRETDB_HOME="${FERRETDB_HOME:-}"

say() { echo "ferretdb: $*" >&2; }
die() { say "$*"; exit 1; }

installed() {
  # Read the whole output first: `| grep -q` under pipefail fails when grep stops reading early.
  local version
  [ -x "$BIN" ] && version="$("$BIN" --version 2>/dev/null)" && [[ "$version" == *"version: ${VERSION}"* ]]
}

install() {
  if installed; then
    say "already installed at $BIN"
    return 0
  fi
  command -v go >/dev/null || die "Go is required to build FerretDB (apt-get install golang, or put go on PATH)"
  mkdir -p "$(dirname "$BIN")"
  # Not `go install MODULE/cmd/ferretdb@VERSION`: the module proxy refuses the version list that
  # `go install` reads for deprecation notices, and a binary built straight from the module
  # cache panics at start because the release's build/version/version.txt is not in the module.
  # So: fetch that exact version (a plain module download), copy it, add version.txt, build.
  say "downloading $MODULE@$VERSION from the Go module proxy"
  local dir src
  dir="$(go mod download -json "$MODULE@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [ -n "$dir" ] && [ -d "$dir" ] || die "could not download $MODULE@$VERSION"
  src="$(mktemp -d)"
  cp -R "$dir/." "$src/"
  chmod -R u+w "$src"
  echo "$VERSION" > "$src/build/version/version.txt"
  say "building (this takes a few minutes the first time)"
  (cd "$src" && GOFLAGS="-buildvcs=false" CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb) >&2 \
    || { rm -rf "$src"; die "build failed"; }
  rm -rf "$src"
  mv -f "$BIN.tmp" "$BIN"
  installed || die "built $BIN but it does not report version $VERSION"
  say "installed $BIN"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

answers() {
  # A TCP connect is not enough: FerretDB listens before its backend is ready. Send a real
  # `hello` over the wire with the driver the project already has.
  node -e '
    const { MongoClient } = require("mongodb");
    const c = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    c.connect().then(() => c.db("admin").command({ hello: 1 })).then(() => c.close()).then(() => process.exit(0), () => process.exit(1));
  ' "mongodb://127.0.0.1:$1/" >/dev/null 2>&1
}

stop() {
  [ -n "$FERRETDB_HOME" ] || { say "FERRETDB_HOME is not set: nothing to stop"; return 0; }
  local pidfile="$FERRETDB_HOME/ferretdb.pid"
  if [ -f "$pidfile" ]; then
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      say "stopped pid $pid"
    fi
    rm -f "$pidfile"
  fi
}

start() {
  installed || die "not installed: run 'bash scripts/ferretdb.sh install' first"
  if [ -n "$FERRETDB_HOME" ]; then stop; rm -rf "$FERRETDB_HOME/data"; else FERRETDB_HOME="$(mktemp -d "${TMPDIR:-/tmp}/maitre-ferretdb.XXXXXX")"; fi
  mkdir -p "$FERRETDB_HOME/data"
  local port attempt pid
  for attempt in 1 2 3; do
    port="$(free_port)"
    # setsid + nohup: the server outlives the shell that `eval`s this script's output.
    setsid nohup "$BIN" --handler=sqlite --sqlite-url="file:$FERRETDB_HOME/data/" \
      --listen-addr="127.0.0.1:$port" --state-dir="$FERRETDB_HOME" --debug-addr=- \
      --telemetry=disable --log-level=warn >"$FERRETDB_HOME/ferretdb.log" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$FERRETDB_HOME/ferretdb.pid"
    for _ in $(seq 1 100); do
      if answers "$port"; then
        say "listening on 127.0.0.1:$port (pid $pid, data in $FERRETDB_HOME/data, log $FERRETDB_HOME/ferretdb.log)"
        echo "export FERRETDB_HOME=$FERRETDB_HOME"
        echo "export MONGODB_URI=mongodb://127.0.0.1:$port/maitre_test"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    say "attempt $attempt on port $port failed; log:"
    tail -n 20 "$FERRETDB_HOME/ferretdb.log" >&2 || true
    stop
  done
  die "could not start FerretDB"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: bash scripts/ferretdb.sh install|start|stop" >&2; exit 2 ;;
esac
