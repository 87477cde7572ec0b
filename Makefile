# Matrix Explorer: build, run and test.
#
#   make run    build, write dist/matrix-explorer.html, then serve on http://127.0.0.1:8080
#   make dist   release build and the standalone dist/matrix-explorer.html
#   make test   native tests, wasm smoke tests in headless Chromium, dist, browser end-to-end suite
#   make bench  benchmarks: the engine and import natively, then the standalone file in Chromium
#
# Every target first runs scripts/setup.sh, which installs only what is missing.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := dist

# Tools installed by setup: trunk, wasm-bindgen (~/.cargo/bin) and wasm-opt (node_modules/.bin).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup build dist run test test-native test-wasm test-e2e bench clean

setup:
	scripts/setup.sh

build: setup
	trunk build --release

dist: build
	node scripts/single-file.mjs dist

# trunk serve rebuilds into its own folder, so dist/matrix-explorer.html stays in place.
run: dist
	@echo "Standalone file: $(CURDIR)/dist/matrix-explorer.html"
	trunk serve --release --offline --address 127.0.0.1 --port 8080 --dist target/serve

test: test-native test-wasm test-e2e

test-native: setup
	cargo fmt --check
	cargo test --locked

test-wasm: setup
	cargo test --locked --target wasm32-unknown-unknown --test wasm_smoke --test wasm_panic

test-e2e: dist
	node --test tests/e2e/*.test.mjs

# Engine and import timings natively, then what a user feels in the browser (the standalone
# file in headless Chromium beside a plain page, and a generated 50,000-item matrix).
bench: dist
	cargo bench --locked
	cargo run --quiet --locked --release --example generate_matrix -- --items 50000 --groups 700 --categories-per-group 70 --out target/bench-50k.csv
	node scripts/bench-browser.mjs dist/matrix-explorer.html target/bench-50k.csv
	node scripts/bench-firefox.mjs dist/matrix-explorer.html

clean:
	rm -rf dist target/serve tests/e2e/output
