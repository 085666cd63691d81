#!/usr/bin/env bash
# Installs what dangbo needs, builds it and runs every test (the GUI smoke test under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 600
