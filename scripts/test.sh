#!/usr/bin/env bash
# Installs what dangbo needs, builds it and runs every test (the GUI flows under Xvfb). Meanwhile the Release
# build a packager makes (build-release: the libraries and the CLI, -O3, warnings as errors) is built and
# must print the same figures as the tested build on the demo register, so that an optimiser's warning
# or a behaviour that differs at -O3 is caught without building and running the whole suite twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
# The Release build compiles while the tests run, at the lowest priority: the GUI flows and LibreOffice mostly
# wait, and the compiler takes the processor time they leave. Three tests at a time on two processors: the
# GUI flows spend most of their time waiting for the window, and two at a time left the processors half idle.
start=$(date +%s)
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DDANGBO_WERROR=ON -DDANGBO_BUILD_APP=OFF >/dev/null
setsid nice -n 19 cmake --build build-release -j"$(nproc)" --target dangbo-cli >build-release/build.log 2>&1 &
release=$!
if ! (cd build && ctest --output-on-failure -j3 --timeout 600); then
  kill -- -"$release" 2>/dev/null  # the build and its compilers (setsid made it a process group)
  exit 1
fi
echo "test: the tests took $(($(date +%s) - start)) s" >&2
if ! wait "$release"; then
  tail -50 build-release/build.log >&2
  echo "test: the Release build failed (build-release/build.log)" >&2
  exit 1
fi
bash scripts/same-at-O3.sh build/src/cli/dangbo-cli build-release/src/cli/dangbo-cli
echo "test: the tests, the Release build and its comparison took $(($(date +%s) - start)) s" >&2
