#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Rolecall (release) and starts the desktop app. Installs missing packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/deps.sh app
cmake --preset release
cmake --build build/release -j"$(nproc)"
exec build/release/app/rolecall "$@"
