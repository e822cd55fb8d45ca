#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process time of `rolecall-cli credential-process` answering from its session cache (the real
# Secret Service: a private D-Bus session with an unlocked gnome-keyring), next to botocore answering the
# same question from the AWS CLI's assume-role cache (~/.aws/cli/cache, bench/botocore_credentials.py) and
# the AWS CLI itself resolving the same profile from that cache (`aws configure list`), in one hyperfine run. The session is fetched once from a local moto STS first; the timed runs make no STS call.
# Usage: bench/credential_process.sh [runs]     Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-30}"
.ci/deps.sh bench >&2
.ci/deps.sh test >&2 # gnome-keyring, dbus
cmake --preset bench >/dev/null
cmake --build build/bench -j"$(nproc)" --target rolecall-cli >/dev/null
CLI="$PWD/build/bench/app/rolecall-cli"

work=$(mktemp -d /tmp/rc-bench-XXXXXX)
moto_pid=
cleanup() {
    [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/')" 2>/dev/null && break
    sleep 0.1
done

# A clean HOME: only this benchmark's profiles, no AWS variables from the caller's shell.
for v in $(env | grep -oE '^AWS_[A-Z_]+'); do unset "$v"; done
export HOME="$work/home" XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME/.aws" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
cat >"$HOME/.aws/credentials" <<'EOF'
[user]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
EOF
cat >"$HOME/.aws/config" <<EOF
[profile user]
region = us-east-1

[profile role]
role_arn = arn:aws:iam::123456789012:role/bench
source_profile = user
role_session_name = bench
region = us-east-1
EOF
export AWS_ENDPOINT_URL_STS="http://127.0.0.1:$port"

export CLI RUNS work
dbus-run-session -- sh -ec '
    printf %s bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    # Fill both caches (one STS call each), then check the next answers come from them.
    "$CLI" credential-process --profile role >/dev/null
    python3 bench/botocore_credentials.py role >/dev/null
    boto1=$(python3 bench/botocore_credentials.py role | python3 -c "import json,sys; print(json.load(sys.stdin)[\"AccessKeyId\"])")
    boto2=$(python3 bench/botocore_credentials.py role | python3 -c "import json,sys; print(json.load(sys.stdin)[\"AccessKeyId\"])")
    [ "$boto1" = "$boto2" ] || { echo "botocore did not answer from its cache" >&2; exit 1; }
    first=$("$CLI" credential-process --profile role | python3 -c "import json,sys; print(json.load(sys.stdin)[\"AccessKeyId\"])")
    again=$("$CLI" credential-process --profile role | python3 -c "import json,sys; print(json.load(sys.stdin)[\"AccessKeyId\"])")
    [ "$first" = "$again" ] || { echo "rolecall-cli did not answer from its cache" >&2; exit 1; }
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$work/result.json" \
        "$CLI credential-process --profile role" \
        "python3 bench/botocore_credentials.py role" \
        "aws configure list --profile role" >/dev/null
'
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ours = r[0]
print("| command | median ms | mean ms | min ms |")
print("|---|---:|---:|---:|")
for x in r:
    name = x["command"].replace(x["command"].split(" ")[0], x["command"].split(" ")[0].rsplit("/", 1)[-1], 1)
    print(f"| `{name}` | {x['median']*1000:.1f} | {x['mean']*1000:.1f} | {x['min']*1000:.1f} |")
print()
for x in r[1:]:
    print(f"{x['command'].split(' ')[0]} {x['command'].split(' ')[1]}… / rolecall-cli (medians): {x['median'] / ours['median']:.1f}x")
PY
