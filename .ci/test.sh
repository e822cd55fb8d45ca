#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Rolecall and runs every test, on a fresh Debian bookworm machine included:
# installs missing packages, configures the `ci` preset in a clean build/ci, checks formatting and
# translations, then runs ctest inside a private D-Bus session with an unlocked gnome-keyring
# (the real Secret Service for the keychain tests). Under CI=true, tests that need moto or the
# keyring fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/deps.sh test

BUILD=build/ci
rm -rf "$BUILD"
cmake --preset ci
cmake --build "$BUILD" -j"$(nproc)"

echo "== format check (clang-format --dry-run)"
git ls-files -- '*.cpp' '*.h' 2>/dev/null | grep -E '^(core|ui|app|tests|translations|bench)/' \
    | xargs -r clang-format --dry-run --Werror

echo "== translation check (lupdate must not change translations/*.ts)"
ts_before=$(mktemp -d)
cp translations/*.ts "$ts_before/"
cmake --build "$BUILD" --target update_translations >/dev/null
for ts in translations/*.ts; do
    if ! cmp -s "$ts" "$ts_before/$(basename "$ts")"; then
        echo "stale translation file: $ts (run: cmake --build $BUILD --target update_translations)" >&2
        diff -u "$ts_before/$(basename "$ts")" "$ts" | head -40 >&2 || true
        cp "$ts_before"/*.ts translations/
        exit 1
    fi
done
rm -rf "$ts_before"

echo "== tests"
# A fresh keyring and runtime dir per run; the keyring daemon and the bus die with dbus-run-session.
export XDG_RUNTIME_DIR XDG_DATA_HOME
XDG_RUNTIME_DIR="$(mktemp -d)"
XDG_DATA_HOME="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
export BUILD
dbus-run-session -- sh -ec '
    printf %s rolecall-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    printf %s probe | secret-tool store --label=rolecall-ci-probe app rolecall-ci
    [ "$(secret-tool lookup app rolecall-ci)" = probe ] || { echo "keyring not usable" >&2; exit 1; }
    ctest --test-dir "$BUILD" --output-on-failure -j2 --timeout 300'

echo "== package: build, install, smoke-test"
.ci/package.sh "$BUILD"
