# The two commands a newcomer needs: `make serve` and `make test`.
# Both install what is missing first (scripts/bootstrap).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# wasm-opt comes from the npm package binaryen (Debian's binaryen 108 breaks
# the wasm); trunk must find it and wasm-bindgen on PATH and never download.
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Leptos type-erases every component's view in the wasm build: 67 KB less
# gzip (553 -> 486 KB for the wasm) at no visible cost. LLVM inlines only
# calls that cost nothing to inline: 4.1 KB less gzip (460.7 -> 456.6 KB),
# the 50,000-user benchmarks within their run-to-run spread. Native builds
# (the domain, its tests and benchmarks) are not affected.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?= --cfg erase_components -Cllvm-args=-inline-threshold=0

PORT ?= 8080
# The path the site is served under: `make dist PUBLIC_URL=/demo/` builds it
# for https://host/demo/ (assets, links and the router follow it).
PUBLIC_URL ?= /
# Where make dist writes the site (make test also builds target/dist-demo/).
DIST ?= dist
# The footer shows the version and the day the wasm was built (UTC; a
# reproducible build sets SOURCE_DATE_EPOCH and gets that day instead).
ifndef PORTAL_BUILD_DATE
PORTAL_BUILD_DATE := $(shell date -u -d "@$${SOURCE_DATE_EPOCH:-$$(date +%s)}" +%Y-%m-%d)
endif
export PORTAL_BUILD_DATE

.PHONY: help bootstrap serve dist build-dist dev test screenshots bench size fuzz

help:
	@echo "make serve   install what is missing, build, serve on http://127.0.0.1:$(PORT)"
	@echo "make test    install what is missing, run every check (lint, unit, browser, e2e, size)"
	@echo "make dist    build the release site into dist/ (PUBLIC_URL=/demo/ for a sub-path)"
	@echo "make dev     serve a debug build that rebuilds on every change"
	@echo "make screenshots  rewrite the README's screenshots in docs/screenshots/"
	@echo "make bench   measure first load, speed at 1,000-50,000 users, and size (docs/benchmarks/)"
	@echo "make size    which crate the wasm's bytes belong to (docs/benchmarks/size.md)"
	@echo "make fuzz    fuzz the stored-data decoder and Import Users (FUZZ_SECONDS=300 each)"

bootstrap:
	@scripts/bootstrap

serve: dist
	node scripts/serve-dist.mjs --dir $(DIST) --host 127.0.0.1 --port $(PORT) --base $(PUBLIC_URL)

dist: bootstrap build-dist

build-dist:
	trunk build --release --offline --public-url $(PUBLIC_URL) --dist $(DIST)

dev: bootstrap
	trunk serve --offline --port $(PORT)

test: bootstrap
	@scripts/test-all

screenshots: dist
	cd tests/e2e && UPDATE_SCREENSHOTS=1 npx playwright test specs/screenshots.spec.ts

bench: dist
	scripts/bench

size: dist
	scripts/size

fuzz:
	scripts/fuzz
