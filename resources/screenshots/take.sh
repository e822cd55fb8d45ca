#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the screenshots in this folder (README, AppStream metainfo) from the real app:
#   main-window.png   the search "prod", a role with MFA selected, a session counting down
#   mfa-dialog.png    Enter on that role: the MFA prompt (no request is sent before the code)
#   decode-dialog.png Ctrl+D, a pasted RunInstances error, decoded
#
# A demo HOME with a made-up ~/.aws/config (documentation account ids, AWS's documented example keys) and a
# loopback stand-in for STS (a few lines of Python below, answering AssumeRole and DecodeAuthorizationMessage
# with canned XML; AWS_ENDPOINT_URL_STS points the app at it): no real account, key or network is involved.
# The app runs under Xvfb (no window manager, so no title bars) and is driven with xdotool; ImageMagick's
# `import` captures each window.
#
# Usage: resources/screenshots/take.sh [build dir with app/rolecall (default: build/release, built here)]
# Needs: Xvfb, xdotool, imagemagick, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=resources/screenshots
BUILD="${1:-build/release}"
if [ $# -eq 0 ]; then
    [ -f "$BUILD/CMakeCache.txt" ] || cmake --preset release >/dev/null
    cmake --build "$BUILD" -j"$(nproc)" --target rolecall >/dev/null
fi
APP="$BUILD/app/rolecall"
[ -x "$APP" ] || { echo "no rolecall in $BUILD/app" >&2; exit 1; }
for tool in Xvfb xdotool import python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (apt install xvfb xdotool imagemagick)" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- the demo HOME -------------------------------------------------------------------------------------------
home="$work/home"
mkdir -p "$home/.aws" "$home/.runtime" "$home/.config/Rolecall"
chmod 700 "$home/.runtime"
cat >"$home/.aws/config" <<'EOF'
[default]
region = eu-central-1

# People sign in as IAM users in the identity account and switch roles from there.
[profile alice]
region = eu-central-1
mfa_serial = arn:aws:iam::111122223333:mfa/alice
rolecall_account_alias = acme-identity

[profile ci-deployer]
region = eu-central-1

[profile acme-prod-admin]
role_arn = arn:aws:iam::444455556666:role/Admin
source_profile = alice
mfa_serial = arn:aws:iam::111122223333:mfa/alice
role_session_name = alice
region = eu-central-1
rolecall_account_alias = acme-prod

[profile acme-prod-readonly]
role_arn = arn:aws:iam::444455556666:role/ReadOnly
source_profile = ci-deployer
region = eu-central-1

[profile acme-prod-breakglass]
role_arn = arn:aws:iam::444455556666:role/BreakGlass
source_profile = acme-prod-admin
duration_seconds = 900
region = eu-central-1

[profile acme-staging-admin]
role_arn = arn:aws:iam::777788889999:role/Admin
source_profile = alice
mfa_serial = arn:aws:iam::111122223333:mfa/alice
region = eu-west-1
rolecall_account_alias = acme-staging

[profile acme-staging-deploy]
role_arn = arn:aws:iam::777788889999:role/Deploy
source_profile = ci-deployer
external_id = acme-ci
region = eu-west-1

[profile data-lake-analyst]
role_arn = arn:aws:iam::210987654321:role/Analyst
source_profile = alice
mfa_serial = arn:aws:iam::111122223333:mfa/alice
region = us-east-1

[profile sandbox]
sso_session = acme
sso_account_id = 123456789012
sso_role_name = PowerUserAccess
region = us-west-2

[sso-session acme]
sso_start_url = https://acme-example.awsapps.com/start
sso_region = eu-central-1
EOF
cat >"$home/.aws/credentials" <<'EOF'
[alice]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci-deployer]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
EOF

# --- a loopback stand-in for STS -----------------------------------------------------------------------------
cat >"$work/sts.py" <<'EOF'
import datetime, http.server, sys, urllib.parse
decoded = open(sys.argv[1]).read()
def credentials(minutes):
    expiry = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ("<Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>"
            "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>"
            "<SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>"
            f"<Expiration>{expiry}</Expiration></Credentials>")
class Sts(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        action = form.get("Action", [""])[0]
        ns = 'xmlns="https://sts.amazonaws.com/doc/2011-06-15/"'
        meta = "<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>"
        if action == "AssumeRole":
            arn = form["RoleArn"][0].replace(":iam::", ":sts::").replace(":role/", ":assumed-role/")
            body = (f"<AssumeRoleResponse {ns}><AssumeRoleResult><AssumedRoleUser><Arn>{arn}/demo</Arn>"
                    f"<AssumedRoleId>AROAEXAMPLE:demo</AssumedRoleId></AssumedRoleUser>{credentials(52)}"
                    f"</AssumeRoleResult>{meta}</AssumeRoleResponse>")
        elif action == "GetSessionToken":
            body = (f"<GetSessionTokenResponse {ns}><GetSessionTokenResult>{credentials(720)}"
                    f"</GetSessionTokenResult>{meta}</GetSessionTokenResponse>")
        elif action == "DecodeAuthorizationMessage":
            body = decoded
        else:
            self.send_response(400)
            self.end_headers()
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
server = http.server.HTTPServer(("127.0.0.1", 0), Sts)
print(server.server_port, flush=True)
server.serve_forever()
EOF
python3 "$work/sts.py" tests/data/sts/DecodeAuthorizationMessage.xml >"$work/port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "the STS stand-in did not start" >&2; exit 1; }

# --- the app under Xvfb --------------------------------------------------------------------------------------
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"
env -i PATH="$PATH" HOME="$home" DISPLAY="$DISPLAY" XDG_RUNTIME_DIR="$home/.runtime" LANG=C.UTF-8 LANGUAGE=en \
    QT_QPA_PLATFORM=xcb ROLECALL_SECRET_STORE=memory AWS_ENDPOINT_URL_STS="http://127.0.0.1:$(cat "$work/port")" \
    "$APP" --language en >"$work/app.log" 2>&1 &
pids+=($!)
window=$(timeout 20 xdotool search --sync --onlyvisible --name '^Rolecall$' | head -1)
xdotool windowmove "$window" 0 0 windowsize "$window" 1100 680
sleep 1

key() { xdotool key --clearmodifiers "$@"; sleep 0.4; }
typed() { xdotool type --delay 40 "$1"; sleep 0.6; }
shot() { import -window "$1" "$OUT/$2"; echo "wrote $OUT/$2"; }
wait_for() { timeout 20 xdotool search --sync --onlyvisible --name "$1" | head -1; }

# A session first (no MFA on this one), then the search the screenshot shows.
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
typed "readonly"
key Return
sleep 1.5
key ctrl+f
typed "prod"
sleep 1
shot "$window" main-window.png

# Enter on the selected role with MFA: the prompt.
key Return
mfa=$(wait_for '^MFA code for ')
sleep 0.8
shot "$mfa" mfa-dialog.png
key Escape
sleep 0.5
xdotool windowfocus --sync "$window" # no window manager hands the focus back

# Decode with the role that has a session: Down into the results, to acme-prod-readonly, then Ctrl+D.
key ctrl+f
typed "readonly"
key ctrl+d
decode=$(wait_for '^Decode authorization message$')
xdotool windowmove "$decode" 40 40
xdotool windowfocus --sync "$decode"
sleep 0.5
key Tab
xdotool type --delay 5 "An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not \
authorized to perform this operation. Encoded authorization failure message: \
EXAMPLE-kyZh4xWq1gQJbXhFkBy0lJ3JHeR5v8mNbT2pQsUe9oZr7dCwYtLuKa6fIgHjSn"
key alt+d
sleep 1.5
shot "$decode" decode-dialog.png
