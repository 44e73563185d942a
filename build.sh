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
NPM_DIR=pkg                  # the npm package (./build.sh package)
NPM_PACK_DIR=target/npm      # where `npm pack` puts its tarball
SIZE_LIMIT_GZ=100000         # ./build.sh package fails past this: wasm + JS, gzip -9 bytes
VITE_EXAMPLE=examples/vite   # the bundler example, built from that tarball
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
# Run the passes until nothing shrinks, and let loads fold constant offsets (rustc's wasm puts
# the 1 MB stack first, so the lowest 1 kB is the stack's far end, never reached: the parser
# bounds its depth): -1,144 B gzip of the widget's wasm (93,057 → 91,913, 2026-12-01).
# A function called from one place is inlined only if small (default: always): the raw wasm
# grows by 4 kB but gzips 4.3 kB smaller (91,926 → 87,637 B; limits of 0/10/15/20/30/50/200
# gave 88,446/87,768/87,684/87,637/87,893/88,781/90,911 B, 2026-12-01) — merged bodies
# with many locals compress worse than the calls they replace.
WASM_OPT_PASSES=(--converge --low-memory-unused --one-caller-inline-max-function-size=20)

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

# rustfmt and clippy for the house-style checks of ./build.sh test.
ensure_lint_tools() {
  local c
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || { log "installing rustup component $c"; rustup component add "$c"; }
  done
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

# Headless Chromium (Debian's) plus CJK fonts for the Chinese labels, and poppler-utils
# (pdftoppm, pdfinfo) for the print test's PDF.
ensure_chromium() {
  local missing=() p
  for p in chromium chromium-driver fonts-noto-cjk poppler-utils; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} (apt-get)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
      chromium chromium-driver fonts-noto-cjk poppler-utils
  fi
}

# Firefox and WebKit for tests/browser/engines.test.mjs: Debian's firefox-esr (driven by
# puppeteer-core over WebDriver BiDi), WebKitGTK's WebKitWebDriver and MiniBrowser
# (webkit2gtk-driver, driven by selenium-webdriver) and Xvfb for the WebKit window when there
# is no display. Playwright's own Firefox and WebKit builds cannot be downloaded here.
ensure_engines() {
  local missing=() p
  for p in firefox-esr webkit2gtk-driver xvfb; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} (apt-get)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
}

# ---------------------------------------------------------------- commands

# cargo build of the release wasm (installs the wasm target, wasm-bindgen-cli, npm tooling).
# The release wasm. "full" (the host page) has every feature, including the in-browser
# extractor behind the paste panel; "widget" (the npm package) is the chart alone,
# built without default features into its own target dir so neither build evicts the
# other. Sets WASM_IN to the built file.
build_release_wasm() {
  local variant="${1:-full}"
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_node_deps
  if [ "$variant" = widget ]; then
    log "cargo build --release --target $WASM_TARGET --lib --no-default-features (the widget without the extractor)"
    cargo build --release --target "$WASM_TARGET" --lib --no-default-features --target-dir "$TARGET_DIR/widget"
    WASM_IN="$TARGET_DIR/widget/$WASM_TARGET/release/$CRATE.wasm"
  else
    log "cargo build --release --target $WASM_TARGET --lib"
    cargo build --release --target "$WASM_TARGET" --lib
    WASM_IN="$TARGET_DIR/$WASM_TARGET/release/$CRATE.wasm"
  fi
}

# wasm-bindgen --target web, then wasm-opt, of the release wasm into the directory $1
# (www/pkg for the host page, pkg/ for the npm package). Skipped when $1 already holds the
# output of this very input: the stamp records the input's hash, both tools' versions,
# the wasm-opt level and the post-processing scripts.
bindgen_into() {
  local out="$1" in="$WASM_IN"
  local wasm="$out/${CRATE}_bg.wasm" stamp="$out/.wasm-stamp" key before
  local wasm_opt="$TOOLS/node_modules/.bin/wasm-opt"
  key="$(sha256sum "$in" | cut -d' ' -f1) $(wasm-bindgen --version) $("$wasm_opt" --version) $WASM_OPT_LEVEL ${WASM_OPT_FEATURES[*]} ${WASM_OPT_PASSES[*]} $(cat "$TOOLS/fold-snippets.mjs" "$TOOLS/short-names.mjs" | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] && [ -f "$wasm" ] && [ -f "$out/$CRATE.js" ]; then
    log "$out is up to date: $wasm $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) bytes gzipped"
    return
  fi
  rm -f "$stamp"

  log "wasm-bindgen --target web --out-dir $out"
  rm -rf "$out/snippets"
  wasm-bindgen --target web --out-dir "$out" "$in"
  # The crate's own JS (src/web/loader.js) into the glue: no request of its own.
  node "$TOOLS/fold-snippets.mjs" "$out/$CRATE.js"

  before="$(stat -c %s "$wasm")"
  log "wasm-opt $WASM_OPT_LEVEL (in place)"
  "$wasm_opt" "$WASM_OPT_LEVEL" "${WASM_OPT_PASSES[@]}" "${WASM_OPT_FEATURES[@]}" \
    "$wasm" -o "$wasm.tmp" || { rm -f "$wasm.tmp"; die "wasm-opt failed"; }
  mv "$wasm.tmp" "$wasm"
  # Short names for what the wasm and the glue share (the import names carry random hashes)
  # and no custom sections (producers, target_features and name are for tools, not
  # browsers): -3.0 kB gzip of wasm and -2.2 kB of glue on the package.
  node "$TOOLS/short-names.mjs" "$wasm" "$out/$CRATE.js"
  echo "$key" >"$stamp"

  log "$wasm: $before bytes before wasm-opt, $(stat -c %s "$wasm") bytes after, $(gzip -9c "$wasm" | wc -c) bytes gzipped"
}

cmd_build() {
  phase "build: wasm"
  build_release_wasm
  bindgen_into "$PKG_DIR"
}

cmd_serve() {
  cmd_build
  phase "serve"
  local port="${PORT:-8000}"
  exec node "$TOOLS/serve.mjs" www "$port"
}

cmd_test() {
  cmd_build
  phase "test: install browsers"
  ensure_chromium
  ensure_engines

  phase "test: house style (cargo fmt --check, cargo clippy -D warnings natively and for wasm32)"
  ensure_lint_tools
  cargo fmt --check || die "cargo fmt --check: run cargo fmt"
  cargo clippy --all-targets -- -D warnings
  cargo clippy --target "$WASM_TARGET" --lib -- -D warnings
  cargo clippy --target "$WASM_TARGET" --lib --no-default-features -- -D warnings

  phase "test: cargo test (native)"
  cargo test --workspace

  # Issue #12: the extractor's figures on the real-report corpus, per genre and half (the
  # test above asserts their floors; this prints the table, without the per-figure details).
  phase "test: the extractor on real reports (tests/fixtures/real: dev and held-out halves)"
  cargo test -q --test extract_real real_reports -- --exact --nocapture 2>&1 | grep -E '^(half|dev |heldout )' \
    || die "tests/extract_real.rs printed no figures"

  # The package tests need the packed tarball and the Vite example's build (both incremental).
  cmd_package
  build_vite_example

  phase "test: browser (node --test tests/browser/)"
  # One test file at a time: each launches its own browser, and we have 2 cores.
  # engines.test.mjs runs its tests in Chromium, Firefox and WebKit (with an Xvfb of its own).
  # (Nothing is printed after this, so the runner's summary is the log's last word.)
  node --test --test-concurrency=1 tests/browser/
}

cmd_dataset() {
  phase "dataset: data/report-2022.txt -> www/data/report-2022.json"
  mkdir -p www/data
  cargo run --release --quiet --bin indicators -- \
    extract data/report-2022.txt --overrides data/overrides.json -o www/data/report-2022.json
}

# The npm package in pkg/: the wasm-bindgen output (same release wasm and wasm-opt step as
# www/pkg), the hand-written entries from js/, a package.json, then `npm pack`.
cmd_package() {
  phase "package: npm package in $NPM_DIR/"
  build_release_wasm widget
  bindgen_into "$NPM_DIR"
  # wasm-bindgen's own .d.ts files are not shipped (js/index.d.ts types the whole API).
  rm -f "$NPM_DIR"/index.* "$NPM_DIR"/element.* "$NPM_DIR"/package.json "$NPM_DIR"/README.md
  cp js/index.d.ts js/element.d.ts "$NPM_DIR/"
  # The JS a page loads, minified (tools/minify.mjs, esbuild): the glue, the entries. js/
  # and the .d.ts files keep the documented source. Measured: 15.9 kB gzip of JS before,
  # 11.2 kB after.
  local e
  for e in index element; do node "$TOOLS/minify.mjs" "js/$e.js" "$NPM_DIR/$e.js"; done
  node "$TOOLS/minify.mjs" "$NPM_DIR/$CRATE.js" "$NPM_DIR/$CRATE.js"
  cp README.md "$NPM_DIR/README.md"
  local version description repository
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
  description="$(sed -n 's/^description = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
  repository="$(sed -n 's/^repository = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
  [ -n "$version" ] || die "no version in Cargo.toml"
  VERSION="$version" DESCRIPTION="$description" REPOSITORY="$repository" CRATE="$CRATE" node -e '
    const { VERSION, DESCRIPTION, REPOSITORY, CRATE } = process.env;
    const pkg = {
      name: "indicator-chart",
      version: VERSION,
      description: DESCRIPTION,
      license: "MIT",
      repository: { type: "git", url: REPOSITORY },
      keywords: ["chart", "webassembly", "wasm", "custom-element", "web-component", "canvas"],
      type: "module",
      main: "./index.js",
      module: "./index.js",
      types: "./index.d.ts",
      exports: {
        ".": { types: "./index.d.ts", default: "./index.js" },
        "./element": { types: "./element.d.ts", default: "./element.js" },
        [`./${CRATE}_bg.wasm`]: `./${CRATE}_bg.wasm`,
        "./package.json": "./package.json",
      },
      files: ["index.js", "index.d.ts", "element.js", "element.d.ts", `${CRATE}.js`, `${CRATE}_bg.wasm`],
      // Only the element entry does something on import: it registers <indicator-chart>.
      sideEffects: ["./element.js"],
    };
    require("fs").writeFileSync(process.argv[1], JSON.stringify(pkg, null, 2) + "\n");
  ' "$NPM_DIR/package.json"

  mkdir -p "$NPM_PACK_DIR"
  rm -f "$NPM_PACK_DIR"/indicator-chart-*.tgz
  log "npm pack --pack-destination $NPM_PACK_DIR"
  local name
  name="$(cd "$NPM_DIR" && npm pack --silent --pack-destination "$ROOT/$NPM_PACK_DIR" | tail -n1)"
  # A fixed name too, so examples/vite/package.json can depend on it across versions.
  cp "$NPM_PACK_DIR/$name" "$NPM_PACK_DIR/indicator-chart.tgz"

  local f gz total=0 raw=0
  for f in "${CRATE}_bg.wasm" "$CRATE.js" index.js element.js; do
    gz="$(gzip -9c "$NPM_DIR/$f" | wc -c)"
    raw=$((raw + $(stat -c %s "$NPM_DIR/$f")))
    total=$((total + gz))
    log "  $f: $(stat -c %s "$NPM_DIR/$f") bytes, $gz gzipped"
  done
  log "$NPM_PACK_DIR/$name: $(stat -c %s "$NPM_PACK_DIR/$name") bytes (tarball)"
  log "transferred size (wasm + JS): $raw bytes, $total bytes gzipped (gzip -9)"
  # The issue's budget: every file a page loads for the chart, at most 100 kB gzip
  # (Chart.js's full build is 71 kB).
  if [ "$total" -gt "$SIZE_LIMIT_GZ" ]; then
    die "the package's chart is $total bytes gzipped, over the limit of $SIZE_LIMIT_GZ ($((total - SIZE_LIMIT_GZ)) too many; README, \"Size\")"
  else
    log "within the size limit: $total of $SIZE_LIMIT_GZ bytes gzipped ($((SIZE_LIMIT_GZ - total)) to spare)"
  fi
}

# examples/vite: installs the packed tarball (a copy, not a link), type-checks and builds with
# Vite into examples/vite/dist. Skipped when neither the tarball nor the example changed.
build_vite_example() {
  phase "package: Vite example ($VITE_EXAMPLE)"
  local tgz="$NPM_PACK_DIR/indicator-chart.tgz" stamp="$VITE_EXAMPLE/dist/.inputs-sha256" sum
  [ -f "$tgz" ] || die "$tgz is missing: run ./build.sh package"
  sum="$(cat "$tgz" "$VITE_EXAMPLE"/package.json "$VITE_EXAMPLE"/package-lock.json "$VITE_EXAMPLE"/*.html \
    "$VITE_EXAMPLE"/*.js "$VITE_EXAMPLE"/tsconfig.json | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    log "$VITE_EXAMPLE/dist is up to date"
    return
  fi
  # The lock pins vite and typescript; its entry for the tarball must carry no integrity
  # (which changes with every build, and would make npm ci install a cached older tarball).
  node -e '
    const fs = require("fs"), f = process.argv[1];
    const lock = JSON.parse(fs.readFileSync(f, "utf8"));
    const e = lock.packages?.["node_modules/indicator-chart"];
    const version = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).version;
    if (e && (e.integrity || e.version !== version)) {
      delete e.integrity;
      e.version = version;
      fs.writeFileSync(f, JSON.stringify(lock, null, 2) + "\n");
    }
  ' "$VITE_EXAMPLE/package-lock.json" "$NPM_DIR/package.json"
  ( cd "$VITE_EXAMPLE"
    log "npm ci in $VITE_EXAMPLE (vite, typescript and the packed tarball)"
    npm ci --no-audit --no-fund
    log "npm run build (tsc checks main.js against the package's types, then vite build)"
    npm run build )
  echo "$sum" >"$stamp"
}

# The performance benchmark (bench/): the widget against ECharts, Chart.js and raw Canvas2D
# in headless Chromium; writes bench/results.json and the table in bench/README.md. The
# peers are pinned dev dependencies of bench/ (reinstalled when bench/package-lock.json
# changes). Environment: BENCH_SIZES, BENCH_ONLY, BENCH_QUICK, BENCH_TIMEOUT_MS (see bench/run.mjs).
cmd_bench() {
  # The widget as shipped: the npm package's wasm, without the extractor (pkg/).
  cmd_package
  phase "bench: install"
  ensure_chromium
  local stamp="bench/node_modules/.lock-sha256" sum
  sum="$(sha256sum bench/package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "installing the benchmark's peers in bench/ (npm ci)"
    (cd bench && npm ci --no-audit --no-fund)
    echo "$sum" >"$stamp"
  fi
  phase "bench: node bench/run.mjs"
  node bench/run.mjs
}

# Long-running reliability checks: each cargo-fuzz target in fuzz/ (dataset, extract, view)
# for SOAK_FUZZ_SECONDS (default 60) when cargo-fuzz and the nightly toolchain are there,
# then tests/browser/soak.mjs (10,000 mount/update/resize/destroy cycles with memory and
# listener checks, a resize storm, rapid view switches, 50 widgets; SOAK_CYCLES overrides
# the 10,000). Corpora grow in fuzz/corpus/, crashes land in fuzz/artifacts/ (both
# ignored by git); each crash found becomes a test in tests/regressions.rs.
cmd_soak() {
  cmd_build
  phase "soak: install browser"
  ensure_chromium
  local secs="${SOAK_FUZZ_SECONDS:-60}" failed=() t logf seeds
  mkdir -p "$TARGET_DIR/soak"
  if cargo +nightly fuzz --version >/dev/null 2>&1; then
    for t in dataset extract view; do
      phase "soak: fuzz $t for $secs s (cargo +nightly fuzz run $t)"
      mkdir -p "fuzz/corpus/$t"
      seeds=()
      [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
      logf="$TARGET_DIR/soak/fuzz-$t.log"
      if cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
          -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$logf" 2>&1; then
        log "fuzz $t: $(grep -E '^Done ' "$logf" || echo 'done'), no crash (log: $logf)"
      else
        failed+=("fuzz $t")
        tail -n 40 "$logf"
        log "fuzz $t FAILED: the input is in fuzz/artifacts/$t/ (cargo +nightly fuzz fmt $t <file> shows it); full log: $logf"
      fi
      grep -E 'stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$logf" || true
    done
  else
    log "cargo-fuzz or the nightly toolchain is missing (cargo install cargo-fuzz; rustup toolchain install nightly): fuzzing skipped"
  fi
  phase "soak: browser (node tests/browser/soak.mjs)"
  node tests/browser/soak.mjs || failed+=("tests/browser/soak.mjs")
  if [ "${#failed[@]}" -gt 0 ]; then
    die "soak failed: ${failed[*]}"
  fi
  log "soak: all passed"
}

usage() {
  cat <<EOF
usage: ./build.sh COMMAND

  build     compile the crate to wasm, run wasm-bindgen and wasm-opt into www/pkg/
            (installs the wasm target, wasm-bindgen-cli and npm tooling when missing)
  serve     build, then serve www/ on http://127.0.0.1:\${PORT:-8000}/
  test      build, fmt + clippy checks, cargo test, then browser tests in tests/browser/
            (headless Chromium; engines.test.mjs also in Firefox and WebKit)
  dataset   regenerate www/data/report-2022.json from data/report-2022.txt
  package   the npm package in pkg/ (wasm-bindgen + wasm-opt + js/), packed into target/npm/
  bench     package, then time the widget against ECharts, Chart.js and raw Canvas2D
            in headless Chromium (bench/README.md); writes bench/results.json
  soak      build, fuzz each target in fuzz/ for \${SOAK_FUZZ_SECONDS:-60} s (cargo-fuzz, nightly),
            then the long browser soak (tests/browser/soak.mjs; SOAK_CYCLES, default 10000)
  help      this text

environment: PORT (serve), WASM_OPT_LEVEL (default -Oz), CARGO_TARGET_DIR,
             SOAK_FUZZ_SECONDS and SOAK_CYCLES (soak)
EOF
}

case "${1:-help}" in
  build) cmd_build ;;
  serve) cmd_serve ;;
  test) cmd_test ;;
  dataset) cmd_dataset ;;
  package) cmd_package ;;
  bench) cmd_bench ;;
  soak) cmd_soak ;;
  help | -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
