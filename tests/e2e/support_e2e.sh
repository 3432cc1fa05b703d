#!/usr/bin/env bash
# End to end, for support staff: the real connect-desktop binary in a real X server (Xvfb, with a
# window manager), driven from the keyboard with xdotool, against a sandbox with a known key.
#   support_e2e.sh <connect-desktop> <screenshot dir>
# Checks: sessions run from the command line (completed, cancelled, refused; one on Paragon) are
# kept; `history`
# lists them; the History view opens with Ctrl+H and filters; Help, Save Diagnostics saves a zip
# from the keyboard; neither the key nor what was typed into the form is in the history or the
# bundle, nor is a Paragon user token; `check` and `doctor` pass against the same sandbox.
set -euo pipefail

e2e_name=e2e-support
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_inside_x "$@"
e2e_begin "$@"
export QT_QPA_PLATFORM=xcb
export QT_LOGGING_RULES="connectdesktop.app.info=true"
start_window_manager

key=k_e2e_support_known_secret
password="correct horse battery e2e"
"$binary" sandbox --json --api-key "$key" >"$work/sandbox.json" 2>"$work/sandbox.log" &
for _ in $(seq 1 100); do [ -s "$work/sandbox.json" ] && break; sleep 0.1; done
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$work/sandbox.json")
[ -n "$url" ] || fail "the sandbox did not say where it listens: $(cat "$work/sandbox.log")"

# 1. A completed session, typed in from the keyboard.
POLYTOMIC_API_KEY=$key "$binary" connect --base-url "$url" --integration postgresql \
    --name "Support Warehouse" --json >"$work/out1.json" 2>"$work/log1" &
pid=$!
wait_for_log "InModal" "$work/log1"
focus_window "Connect" >/dev/null
screenshot support-form # and the form's first field has the keyboard by then
xdotool type --delay 15 "db.example.com"
xdotool key Tab Tab
xdotool type --delay 15 "analytics"
xdotool key Tab
xdotool type --delay 15 "reader"
xdotool key Tab
xdotool type --delay 15 "$password"
xdotool key Return
wait_exit $pid
[ "$code" = 0 ] || fail "expected the form to complete, got $code: $(tail -5 "$work/log1")"

# 2. A cancelled one (Esc) and 3. one whose key is refused.
POLYTOMIC_API_KEY=$key "$binary" connect --base-url "$url" --integration hubspot --json \
    >"$work/out2.json" 2>"$work/log2" &
pid=$!
wait_for_log "InModal" "$work/log2"
focus_window "Connect" >/dev/null
xdotool key Escape
wait_exit $pid
[ "$code" = 3 ] || fail "expected Esc to cancel, got $code"
code=0
POLYTOMIC_API_KEY=k_e2e_refused_key "$binary" connect --base-url "$url" --integration stripe \
    >/dev/null 2>"$work/log3" || code=$?
[ "$code" = 1 ] || fail "expected a refused key to fail, got $code"

# A Paragon session (its user token is a signed JWT), cancelled at the portal.
"$binary" connect --platform paragon --integration hubspot --json >"$work/outp.json" 2>"$work/logp" &
pid=$!
wait_for_log "InModal" "$work/logp"
focus_window "Connect" >/dev/null
xdotool key Escape
wait_exit $pid
[ "$code" = 3 ] || fail "expected Esc to cancel the Paragon session, got $code"

# The command line lists all four, newest first.
"$binary" history >"$work/history.txt"
cat "$work/history.txt"
"$binary" history --json >"$work/history.json"
python3 - "$work/history.json" <<'PY' || fail "history --json does not list the three sessions"
import json, sys
sessions = json.load(open(sys.argv[1]))["sessions"]
outcomes = [s["result"]["outcome"] for s in sessions]
assert outcomes == ["cancelled", "failed", "cancelled", "completed"], outcomes
assert sessions[0]["platform"] == "paragon", sessions[0]["platform"]
PY

# 4. The History view, from the keyboard: Ctrl+H, then only the failed ones.
"$binary" >"$work/out4" 2>"$work/log4" &
pid=$!
main_window=$(focus_window "Connect Desktop")
wait_for_log "picker filled" "$work/log4"
xdotool key ctrl+h
focus_window "History" >/dev/null
sleep 0.5
screenshot history-view
xdotool key alt+r Down Down Down # Result: Any, Completed, Cancelled, Failed
sleep 0.5
screenshot history-view-failed
xdotool key Escape
wait_until_gone "^History$"

# 5. Help, Save Diagnostics, from the keyboard: the dialog, then its file dialog.
xdotool windowactivate --sync "$main_window"
xdotool key alt+h d
focus_window "Save Diagnostics" >/dev/null
sleep 3 # the doctor's checks (a few hundred milliseconds here)
screenshot diagnostics-dialog
xdotool key alt+s
sleep 1
focus_window "Save Diagnostics" >/dev/null
xdotool key ctrl+a
xdotool type --delay 10 "$work/bundle.zip"
xdotool key Return
for _ in $(seq 1 100); do [ -s "$work/bundle.zip" ] && break; sleep 0.1; done
[ -s "$work/bundle.zip" ] || fail "no bundle was saved"
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

mkdir -p "$work/bundle"
python3 -m zipfile -e "$work/bundle.zip" "$work/bundle"
ls "$work/bundle"
for file in manifest.json system.json settings.json profiles.json doctor.txt sessions.json engine.txt; do
    [ -f "$work/bundle/$file" ] || fail "the bundle has no $file"
done
grep -q '"outcome": "completed"' "$work/bundle/sessions.json" || fail "the bundle lacks the completed session"
for secret in "$key" "$password"; do
    if grep -rqF "$secret" "$work/bundle" "$XDG_DATA_HOME/ConnectDesktop/connect-desktop/history.json" "$XDG_CONFIG_HOME"; then
        fail "a secret ($secret) is in the bundle, the history or the settings"
    fi
done
# Paragon's user tokens are JWTs (header.payload.signature, each part base64url of JSON).
if grep -rqE 'eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}' "$work/bundle" \
    "$XDG_DATA_HOME/ConnectDesktop/connect-desktop/history.json"; then
    fail "a user token (JWT) is in the bundle or the history"
fi
grep -q '"platform": "paragon"' "$work/bundle/sessions.json" || fail "the bundle lacks the Paragon session"

# 6. The smoke test and the doctor against the same sandbox.
POLYTOMIC_API_KEY=$key "$binary" check --base-url "$url" --integration postgresql \
    --integration hubspot >"$work/check.txt" 2>"$work/check.log" || fail "check failed: $(cat "$work/check.txt")"
cat "$work/check.txt"
POLYTOMIC_API_KEY=$key "$binary" doctor --base-url "$url" >"$work/doctor.txt" 2>/dev/null || true
cat "$work/doctor.txt"
grep -q "\[ok\] account" "$work/doctor.txt" || fail "the doctor did not reach the account"
echo "$e2e_name: PASS"
