#!/usr/bin/env bash
# Installs what building and testing Matrix Explorer needs on a Debian 12 machine, and
# nothing that is already there at the right version. Safe to run again and again.
#
#   rustfmt                              rustup component
#   rust target wasm32-unknown-unknown   rustup
#   trunk 0.21.14                        cargo install (about 7 minutes the first time)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen   cargo install (about 2 minutes)
#   chromium, chromium-driver            apt-get
#   poppler-utils (pdftotext, pdftoppm)  apt-get
#   wasm-opt (binaryen), esbuild,        npm ci, versions pinned in package-lock.json
#   @gfx/zopfli, playwright-core, puppeteer-core
#   the crates in Cargo.lock             cargo fetch --locked
#   firefox-esr                          apt-get: the browser suite and `make bench` run the file in it too
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

readonly TRUNK_VERSION="0.21.14"
readonly WASM_TARGET="wasm32-unknown-unknown"
readonly BINARYEN_VERSION="132"

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    fail "need root (or sudo) to run: $*"
  fi
}

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    say "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=yes
  fi
  say "installing with apt: $*"
  # With recommends: they bring the fonts that screenshots need.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The version of a package recorded in Cargo.lock ("" when absent).
locked_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

command -v cargo >/dev/null || fail "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v rustup >/dev/null || fail "rustup not found: the wasm target is installed with rustup"

# --- rustfmt (make test checks the formatting) -------------------------------------------
if cargo fmt --version >/dev/null 2>&1; then
  say "skip: $(cargo fmt --version)"
else
  say "installing the rustfmt component"
  rustup component add rustfmt
fi

# --- Rust target -------------------------------------------------------------------------
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "skip: rust target $WASM_TARGET is installed"
else
  say "installing rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

# --- trunk -------------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  say "skip: $have_trunk"
else
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); this takes several minutes"
  # --locked matters: without it newer dependencies need a newer rustc.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force --quiet
fi

# --- wasm-bindgen-cli --------------------------------------------------------------------
wbg_version="$(locked_version wasm-bindgen)"
[ -n "$wbg_version" ] || fail "no wasm-bindgen entry in Cargo.lock"
grep -q "^wasm_bindgen = \"$wbg_version\"" Trunk.toml \
  || fail "Trunk.toml [tools] wasm_bindgen must be \"$wbg_version\" (the version in Cargo.lock)"
have_wbg="$(wasm-bindgen --version 2>/dev/null || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null || true)"
if [ "$have_wbg" = "wasm-bindgen $wbg_version" ] && [ -n "$have_runner" ]; then
  say "skip: $have_wbg (and wasm-bindgen-test-runner)"
else
  say "installing wasm-bindgen-cli $wbg_version (found: ${have_wbg:-none}); this takes a few minutes"
  # No --locked: the CLI's own lockfile pins crates the registry mirror may not have.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force --quiet
fi

# --- Chromium and ChromeDriver -----------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# pdftotext and pdftoppm read the printed board pack in the browser suite.
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ "${#missing[@]}" -eq 0 ]; then
  say "skip: the browsers and poppler-utils are installed"
else
  apt_install "${missing[@]}"
fi

# --- node tools: wasm-opt, esbuild, zopfli, playwright-core ------------------------------
if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
have_wasm_opt="$(wasm-opt --version 2>/dev/null || true)"
if [[ "$have_wasm_opt" == *"version_$BINARYEN_VERSION"* ]] && npm ls --depth=0 >/dev/null 2>&1; then
  say "skip: node packages are installed ($have_wasm_opt)"
elif [ -f package-lock.json ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
else
  say "installing node packages (npm install; no package-lock.json yet)"
  npm install --no-audit --no-fund --loglevel=error
fi
[[ "$(wasm-opt --version)" == *"version_$BINARYEN_VERSION"* ]] \
  || fail "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_VERSION"

# --- crates ------------------------------------------------------------------------------
# Trunk builds with --offline, so every crate must be in the local cache first.
say "cargo fetch --locked"
cargo fetch --locked --quiet

say "ready"
