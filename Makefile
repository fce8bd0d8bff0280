# The two commands of the README, plus a few for developers.
#   make demo   installs what is missing, builds (release) and runs the kiosk demo
#   make test   installs what is missing, builds with warnings as errors, runs the
#               unit tests under ASan + UBSan, each libFuzzer target briefly
#               (fuzz-smoke), then every test of the warnings-as-errors build
# Both work on a fresh Debian bookworm machine as root. For developers:
#   make screenshots  every screen in both sizes, languages and themes (docs/screens.md)
#   make bench        every benchmark with its baseline (scripts/bench)

JOBS ?= $(shell nproc)
# How long each libFuzzer target runs in `make test` (fuzz-smoke).
FUZZ_SECONDS ?= 15

.PHONY: demo test bench screenshots deps build-release build-ci build-asan build-fuzz fuzz-smoke clean

deps:
	@scripts/install-deps

build-release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target loyalty-kiosk kiosk-nfc-worker pn532-sim headoffice

build-ci: deps
	@cmake --preset ci >/dev/null
	@cmake --build --preset ci -j $(JOBS)

# Only the executables of the unit tests that run under ASan (the preset's targets).
build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

# clang + libFuzzer: only the fuzz targets and what they link (the preset's targets).
build-fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

# Each fuzz target for FUZZ_SECONDS as a regression smoke run: it first runs
# every seed, then mutates, in a scratch copy of its corpus under build/fuzz
# (fuzz/corpus is never written). A crash, leak or timeout fails the run.
FUZZ_SMOKE = echo "== libFuzzer targets, $(FUZZ_SECONDS) s each (scratch copies of fuzz/corpus)" && \
	KIOSK_FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --preset fuzz

fuzz-smoke: build-fuzz
	@$(FUZZ_SMOKE)

demo: build-release
	@scripts/demo

test: build-ci build-asan build-fuzz
	@echo "== unit tests under ASan + UBSan"
	@ctest --preset asan -L unit
	@$(FUZZ_SMOKE)
	@echo "== every test (warnings-as-errors build)"
	@ctest --preset ci

# Every screen at 1280x800 and 800x480, English and Spanish, and the
# high-contrast theme, walked by kiosk-tour under Xvfb (docs/screens.md).
screenshots: build-release
	@cmake --build --preset release -j $(JOBS) --target kiosk-tour
	@scripts/screenshots

bench: build-release
	@cmake --build --preset release -j $(JOBS)
	@scripts/bench

clean:
	rm -rf build
