# The two commands of the README, plus a few for developers.
#   make demo   installs what is missing, builds (release) and runs the kiosk demo
#   make test   installs what is missing, builds with warnings as errors, runs every
#               test, then the unit tests again under ASan + UBSan
# Both work on a fresh Debian bookworm machine as root.

JOBS ?= $(shell nproc)

.PHONY: demo test bench deps build-release build-ci build-asan clean

deps:
	@scripts/install-deps

build-release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target loyalty-kiosk

build-ci: deps
	@cmake --preset ci >/dev/null
	@cmake --build --preset ci -j $(JOBS)

build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

demo: build-release
	@scripts/demo

test: build-ci build-asan
	@echo "== unit tests under ASan + UBSan"
	@ctest --preset asan -L unit
	@echo "== every test (warnings-as-errors build)"
	@ctest --preset ci

bench: build-release
	@cmake --build --preset release -j $(JOBS)
	@scripts/bench

clean:
	rm -rf build
