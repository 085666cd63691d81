#!/usr/bin/env bash
# Installs what dangbo needs, builds it and runs every test (the GUI smoke test under Xvfb). Then the
# Release build a packager makes (build-release: the libraries, the CLI and the doctest suite, without the
# window) is built and its doctest suite run, so that an optimiser's warning or a behaviour that differs at
# -O3 is caught too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j2 --timeout 600)

start=$(date +%s)
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DDANGBO_WERROR=ON -DDANGBO_BUILD_APP=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target dangbo-cli dangbo_tests
(cd build-release && tests/dangbo_tests)
echo "test: the Release build and its doctest suite took $(($(date +%s) - start)) s" >&2
