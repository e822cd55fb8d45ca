#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian bookworm packages Rolecall needs, when any is missing (apt-get update first).
#   .ci/deps.sh build|test|bench|app
set -euo pipefail

BUILD=(g++ cmake make qt6-base-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev libssl-dev)
RUNTIME=(libsecret-1-0 libqt6svg6)          # dlopen()ed: libsecret by QtKeychain, the SVG icon plugins by Qt
TEST=(gnome-keyring libsecret-tools dbus-daemon dbus-x11 clang-format python3
      desktop-file-utils appstream groff-base man-db dpkg-dev file
      clang libclang-rt-14-dev)         # tests/fuzz/run.sh: libFuzzer and the clang sanitizer runtimes
BENCH=(libbenchmark-dev hyperfine python3-botocore)
APP=(xauth)

case "${1:-build}" in
    build) PKGS=("${BUILD[@]}" "${RUNTIME[@]}") ;;
    test)  PKGS=("${BUILD[@]}" "${RUNTIME[@]}" "${TEST[@]}") ;;
    bench) PKGS=("${BUILD[@]}" "${RUNTIME[@]}" "${BENCH[@]}") ;;
    app)   PKGS=("${BUILD[@]}" "${RUNTIME[@]}" "${APP[@]}") ;;
    *) echo "usage: $0 build|test|bench|app" >&2; exit 2 ;;
esac

missing=()
for pkg in "${PKGS[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
