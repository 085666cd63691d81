#!/usr/bin/env bash
# Installs what dangbo needs, builds it and starts the window on the default database,
# creating the demo commune there on first run. Extra arguments go to dangbo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec ./build/src/app/dangbo --demo-if-missing "$@"
