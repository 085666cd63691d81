#!/usr/bin/env bash
# Configures and builds dangbo in ./build (Release with debug info, warnings as errors: the developer and
# CI build). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDANGBO_WERROR=ON "$@" >/dev/null
cmake --build build -j"$(nproc)"
