#!/usr/bin/env bash
# Installs what dangbo needs, builds it and runs every test (the GUI flows under Xvfb). Then the Release
# build a packager makes (build-release: the libraries and the CLI, -O3, warnings as errors) is built and
# must print the same figures as the tested build on the demo register, so that an optimiser's warning
# or a behaviour that differs at -O3 is caught without building and running the whole suite twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j2 --timeout 600)

start=$(date +%s)
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DDANGBO_WERROR=ON -DDANGBO_BUILD_APP=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target dangbo-cli
bash scripts/same-at-O3.sh build/src/cli/dangbo-cli build-release/src/cli/dangbo-cli
echo "test: the Release build and its comparison took $(($(date +%s) - start)) s" >&2
