#!/usr/bin/env bash
# Installs what is missing, builds (release preset) and starts the desktop app.
# Extra arguments go to the app, e.g. --vault DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
exec build/release/bin/fieldvault "$@"
