#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the .deb and the source tarball from a configured build directory, installs the .deb on
# this machine (root only), and smoke-tests the installed files.
#   .ci/package.sh build/ci
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build/ci}"

(cd "$BUILD" && cpack -G DEB >/dev/null && cpack --config CPackSourceConfig.cmake >/dev/null)
deb=$(ls "$BUILD"/rolecall_*.deb | head -n 1)
echo "== package: $deb"
dpkg-deb --field "$deb" Package Version Depends | sed 's/^/   /'
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -E 'bin/rolecall|lib/.*rolecall/rolecall-cli-commands|applications/.*desktop|metainfo/.*xml|hicolor/(scalable|48x48)/apps/|completions/|man1/.*gz|translations/.*qm' | sed 's/^/   /'
ls "$BUILD"/rolecall-*.tar.gz >/dev/null

if [ "$(id -u)" -ne 0 ]; then
    echo "== not root: skipping the installation of $deb"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
echo "== installed: $(command -v rolecall) $(command -v rolecall-cli)"
test "$(rolecall-cli --version)" = "rolecall-cli $(dpkg-deb --field "$deb" Version)"
# Every command but the profile listing comes from the commands module under the library directory.
rolecall-cli --help | grep -q 'assume-role'
HOME="$(mktemp -d)" rolecall-cli profiles --names >/dev/null
QT_QPA_PLATFORM=offscreen timeout 30 rolecall --quit-after 300
desktop-file-validate /usr/share/applications/io.github.rolecall.Rolecall.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.github.rolecall.Rolecall.metainfo.xml >/dev/null
test -f /usr/share/icons/hicolor/scalable/apps/io.github.rolecall.Rolecall.svg
test -f /usr/share/icons/hicolor/48x48/apps/io.github.rolecall.Rolecall.png
test -f /usr/share/bash-completion/completions/rolecall-cli
test -f /usr/share/fish/vendor_completions.d/rolecall-cli.fish
test -f /usr/share/zsh/vendor-completions/_rolecall-cli
MANWIDTH=80 man -l /usr/share/man/man1/rolecall-cli.1.gz | grep -q 'switch AWS roles'
bash -c 'source /usr/share/bash-completion/completions/rolecall-cli && complete -p rolecall-cli' >/dev/null
echo "== installed package works"
