#!/usr/bin/env bash
# indicator-chart: the one entry point for building, serving and testing.
# Usage: ./build.sh {build|serve|test|dataset|bench|soak|package|help}
# Needs only rustup/cargo/node/npm on a fresh Debian machine; installs the rest.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# cargo install puts wasm-bindgen here; make sure it is found even if PATH lacks it.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

CRATE=indicator_chart
WASM_TARGET=wasm32-unknown-unknown
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PKG_DIR=www/pkg
TOOLS=tools
# wasm-opt level. Measured on the crate with src/web.rs (wasm-bindgen output 512401 B):
#   -Oz 329985 B (134621 gz, 8.0 s)   -Os 330546 B (134627 gz, 7.4 s)
#   -O3 335893 B (135781 gz, 8.4 s)   -O2 335550 B (135613 gz, 6.6 s)
# Redraw time (chart.resize ~4 ms, chart.update ~8-10 ms at dpr 2) was the same within noise.
WASM_OPT_LEVEL="${WASM_OPT_LEVEL:--Oz}"
# The features rustc's wasm32 target emits by default (its target_features section lists
# exactly these); wasm-opt must allow them all or it fails validation.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-call-indirect-overlong
  --enable-multivalue --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-sign-ext)

# Bold/colour only on a terminal, plain text in CI logs.
if [ -t 1 ]; then B=$'\033[1m' C=$'\033[1;36m' N=$'\033[0m'; else B='' C='' N=''; fi
log()   { printf '%s==> %s%s\n' "$B" "$*" "$N"; }
phase() { printf '\n%s######## %s ########%s\n' "$C" "$*" "$N"; }
die()   { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------- installs
# Each ensure_* is silent when its tool is already there.

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    log "installing rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
}

# wasm-bindgen's version as pinned by Cargo.lock (CLI and library must match exactly).
locked_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want have=""
  want="$(locked_bindgen_version)"
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  if command -v wasm-bindgen >/dev/null; then have="$(wasm-bindgen --version | awk '{print $2}')"; fi
  if [ "$have" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (have: ${have:-none}); this takes a few minutes"
    # Deliberately without --locked, which fails on this setup.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm deps (playwright-core, binaryen) in tools/node_modules; reinstalled when the lock changes.
ensure_node_deps() {
  local stamp="$TOOLS/node_modules/.lock-sha256" sum
  sum="$(sha256sum "$TOOLS/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "installing npm tooling in $TOOLS/ (npm ci)"
    (cd "$TOOLS" && npm ci --no-audit --no-fund)
    echo "$sum" >"$stamp"
  fi
}

# Headless Chromium (Debian's) plus CJK fonts for the Chinese labels.
ensure_chromium() {
  local missing=() p
  for p in chromium chromium-driver fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} (apt-get)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
      chromium chromium-driver fonts-noto-cjk
  fi
}

# ---------------------------------------------------------------- commands

cmd_build() {
  phase "build: wasm"
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_node_deps

  log "cargo build --release --target $WASM_TARGET --lib"
  cargo build --release --target "$WASM_TARGET" --lib

  log "wasm-bindgen --target web --out-dir $PKG_DIR"
  wasm-bindgen --target web --out-dir "$PKG_DIR" \
    "$TARGET_DIR/$WASM_TARGET/release/$CRATE.wasm"

  local wasm="$PKG_DIR/${CRATE}_bg.wasm" before
  before="$(stat -c %s "$wasm")"
  log "wasm-opt $WASM_OPT_LEVEL (in place)"
  "$TOOLS/node_modules/.bin/wasm-opt" "$WASM_OPT_LEVEL" "${WASM_OPT_FEATURES[@]}" \
    "$wasm" -o "$wasm.tmp" || { rm -f "$wasm.tmp"; die "wasm-opt failed"; }
  mv "$wasm.tmp" "$wasm"

  log "$wasm: $before bytes before wasm-opt, $(stat -c %s "$wasm") bytes after, $(gzip -9c "$wasm" | wc -c) bytes gzipped"
}

cmd_serve() {
  cmd_build
  phase "serve"
  local port="${PORT:-8000}"
  exec node "$TOOLS/serve.mjs" www "$port"
}

cmd_test() {
  cmd_build
  phase "test: install browser"
  ensure_chromium

  phase "test: cargo test (native)"
  cargo test --workspace

  phase "test: browser (node --test tests/browser/)"
  # One test file at a time: each launches its own Chromium, and we have 2 cores.
  # (Nothing is printed after this, so the runner's summary is the log's last word.)
  node --test --test-concurrency=1 tests/browser/
}

cmd_dataset() {
  phase "dataset: data/report-2022.txt -> www/data/report-2022.json"
  mkdir -p www/data
  cargo run --release --quiet --bin indicators -- \
    extract data/report-2022.txt --overrides data/overrides.json -o www/data/report-2022.json
}

usage() {
  cat <<EOF
usage: ./build.sh COMMAND

  build     compile the crate to wasm, run wasm-bindgen and wasm-opt into www/pkg/
            (installs the wasm target, wasm-bindgen-cli and npm tooling when missing)
  serve     build, then serve www/ on http://127.0.0.1:\${PORT:-8000}/
  test      build, cargo test, then headless-Chromium tests in tests/browser/
  dataset   regenerate www/data/report-2022.json from data/report-2022.txt
  bench, soak, package   not implemented yet
  help      this text

environment: PORT (serve), WASM_OPT_LEVEL (default -Oz), CARGO_TARGET_DIR
EOF
}

case "${1:-help}" in
  build) cmd_build ;;
  serve) cmd_serve ;;
  test) cmd_test ;;
  dataset) cmd_dataset ;;
  bench | soak | package) echo "./build.sh $1: not implemented yet" >&2; exit 2 ;;
  help | -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
