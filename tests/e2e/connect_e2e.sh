#!/usr/bin/env bash
# End to end: the real connect-desktop binary in a real X server (Xvfb), driven from the keyboard
# with xdotool as a person would, against the in-process sandbox. Screenshots go to $2.
#   connect_e2e.sh <connect-desktop> <screenshot dir>
# Checks: a credential form completes (exit 0, JSON "completed"); the picker and the modal show
# in light and dark; Esc cancels (exit 3); the main window opens on the sandbox.
set -euo pipefail

e2e_name=e2e
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_inside_x "$@"
e2e_begin "$@"
# The app's windows are X windows on this server, found and typed into with xdotool: a shell with
# QT_QPA_PLATFORM=offscreen (how the other tests run) must not make them invisible to it.
export QT_QPA_PLATFORM=xcb
export QT_LOGGING_RULES="connectdesktop.app.info=true"

# 1. Light theme, one integration: straight to its form; fill it in from the keyboard.
"$binary" connect --integration postgresql --name "E2E Warehouse" --light --json >"$work/out1.json" 2>"$work/log1" &
pid=$!
wait_for_log "InModal" "$work/log1"
focus_window "Connect" >/dev/null
screenshot modal-form-light
xdotool type --delay 15 "db.example.com"
xdotool key Tab Tab
xdotool type --delay 15 "analytics"
xdotool key Tab
xdotool type --delay 15 "reader"
xdotool key Tab
xdotool type --delay 15 "correct horse"
xdotool key Return
wait_exit $pid
cat "$work/out1.json"
[ "$code" = 0 ] || fail "expected exit 0 after completing the form, got $code: $(cat "$work/log1")"
grep -q '"outcome":"completed"' "$work/out1.json" || fail "no completed outcome"
grep -q '"name":"E2E Warehouse"' "$work/out1.json" || fail "connection name missing"
grep -q '"status":"healthy"' "$work/out1.json" || fail "status missing"

# 2. Dark theme, three integrations: the modal's picker; Esc cancels.
"$binary" connect --integration postgresql --integration hubspot --integration stripe --dark --json \
    >"$work/out2.json" 2>"$work/log2" &
pid=$!
wait_for_log "InModal" "$work/log2"
focus_window "Connect" >/dev/null
screenshot modal-picker-dark
xdotool key Escape
wait_exit $pid
cat "$work/out2.json"
[ "$code" = 3 ] || fail "expected exit 3 after Esc, got $code"
grep -q '"outcome":"cancelled"' "$work/out2.json" || fail "no cancelled outcome"

# 3. The other two: the picker in light, the form in dark.
"$binary" connect --integration postgresql --integration hubspot --integration stripe --light --json \
    >"$work/out3.json" 2>"$work/log3" &
pid=$!
wait_for_log "InModal" "$work/log3"
focus_window "Connect" >/dev/null
screenshot modal-picker-light
xdotool key Escape
wait_exit $pid

"$binary" connect --integration postgresql --dark --json >"$work/out4.json" 2>"$work/log4" &
pid=$!
wait_for_log "InModal" "$work/log4"
focus_window "Connect" >/dev/null
screenshot modal-form-dark
xdotool key Escape
wait_exit $pid

# 4. Bad usage: one line naming the fix, exit 2.
code=0
"$binary" connect --integration no_such_type --json >/dev/null 2>"$work/err5" || code=$?
[ "$code" = 2 ] || fail "expected exit 2 for an unknown integration, got $code"
grep -q "no_such_type" "$work/err5" || fail "the error does not name the integration"
code=0
"$binary" connect --profile nowhere >/dev/null 2>"$work/err6" || code=$?
[ "$code" = 2 ] || fail "expected exit 2 for an unknown profile, got $code"

# 5. The main window opens on the sandbox with the picker filled.
"$binary" >"$work/out7" 2>"$work/log7" &
pid=$!
focus_window "Connect Desktop" >/dev/null
wait_for_log "picker filled" "$work/log7"
screenshot main-window-light
# 6. The page kept for the first click waits hidden, at the app's priority: Chromium puts hidden
# pages' renderers at nice 5 where it can raise them again (as root), and that page would then
# load the form behind the app's own work.
if [ "$(id -u)" -eq 0 ]; then
    engine_nices() {
        ps -eo pid=,ppid=,ni=,comm= | awk -v root="$1" '
            { parent[$1] = $2; nice[$1] = $3; comm[$1] = $4 }
            END {
                for (p in parent) {
                    q = p
                    while ((q in parent) && q != root && q > 1) q = parent[q]
                    if (q == root && p != root && comm[p] ~ /^QtWebEngine/) print nice[p]
                }
            }'
    }
    # Its renderer: the third web engine process, after the two zygotes.
    for _ in $(seq 1 100); do
        [ "$(engine_nices $pid | wc -l)" -ge 3 ] && break
        sleep 0.1
    done
    [ "$(engine_nices $pid | wc -l)" -ge 3 ] || fail "the kept page's renderer never started"
    sleep 1
    nices=$(engine_nices $pid | sort -u | tr '\n' ' ')
    [ "$nices" = "0 " ] || fail "web engine processes at nice $nices, not 0"
else
    echo "e2e: not root, so Chromium puts no renderer at a lower priority: priority not checked"
fi
kill $pid
wait $pid 2>/dev/null || true

echo "e2e: all scenarios passed"
