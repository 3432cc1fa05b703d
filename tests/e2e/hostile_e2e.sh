#!/usr/bin/env bash
# End to end: the real connect-desktop binary outlives every attack of the sandbox's attacking
# modal (sandbox --attack NAME, resources/sandbox/attacks.js) and still ends each session with
# its one result.
#   hostile_e2e.sh <connect-desktop> <screenshot dir>
# 1. `connect --json` offscreen, one sandbox process per attack: once the attack is made (the
#    sandbox logs the page's /attack/made), SIGTERM asks the session to stop; the result must be
#    "cancelled" with exit 3 (a crash would be 139; a native dialog would hang it). Attacks that
#    end the session themselves end it so.
# 2. A real window under Xvfb with openbox, from the keyboard: a key press opens a blank popup
#    written into (what crashes Qt WebEngine 6.4.2 when the popup has a view) and a popup that
#    says "Loading…" and then goes to a web page (the common OAuth pattern, which must still be
#    shown); an alert shows in the window, not as a box; Esc cancels (exit 3).
set -euo pipefail

e2e_name="hostile e2e"
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_inside_x "$@"
e2e_begin "$@"
export QT_LOGGING_RULES="connectdesktop.app.info=true;connectdesktop.sandbox.info=true"
key=sk_e2e_attacks

# Starts a sandbox making attack $1; sets $sandbox (its pid), $port and $sandbox_log.
start_sandbox() {
    sandbox_log=$work/sandbox-$1.log
    "$binary" sandbox --api-key "$key" --attack "$1" >"$work/sandbox-$1.out" 2>"$sandbox_log" &
    sandbox=$!
    wait_for_log "listening on" "$work/sandbox-$1.out"
    port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/sandbox-$1.out" | head -1)
}

# A session against the sandbox on $port; sets $pid and $out, $log.
start_connect() {
    local name=$1 platform=$2 type=${3:-postgresql}
    out=$work/$name.json
    log=$work/$name.log
    POLYTOMIC_API_KEY=$key QT_QPA_PLATFORM=$platform "$binary" connect \
        --base-url "http://127.0.0.1:$port" --integration "$type" --json >"$out" 2>"$log" &
    pid=$!
}

# 1. Offscreen: every attack.
attacks=(
    popup-javascript-title popup-javascript-title-named popup-javascript-string popup-write
    popup-innerhtml form-blank-javascript popup-then-javascript frame-javascript-popup
    popup-noopener popup-javascript-1 alert confirm prompt alert-loop popup-beforeunload
    top-javascript frame-top-navigation leave-platform popup-flood redirect-subresources
    busy-loop
)
for attack in "${attacks[@]}"; do
    start_sandbox "$attack"
    start_connect "$attack" offscreen
    wait_for_log "/attack/made" "$sandbox_log"
    # What the attack does next (a popup written into, a dialog) happens within this time; a
    # crash would end the process here.
    sleep 1.5
    kill -0 "$pid" 2>/dev/null || { wait "$pid" || code=$?; fail "$attack: the app is gone (exit ${code:-0}): $(tail -3 "$log")"; }
    kill -TERM "$pid"
    wait_exit "$pid"
    [ "$code" = 3 ] || fail "$attack: expected exit 3 after SIGTERM, got $code: $(tail -3 "$log")"
    grep -q '"outcome":"cancelled"' "$out" || fail "$attack: no cancelled result: $(cat "$out")"
    echo "hostile e2e: $attack: outlived, cancelled"
    kill "$sandbox"; wait "$sandbox" 2>/dev/null || true
done

# Attacks that end the session themselves.
start_sandbox dialogs-then-close
start_connect dialogs-then-close offscreen
wait_exit "$pid"
[ "$code" = 3 ] || fail "dialogs-then-close: expected exit 3, got $code: $(tail -3 "$log")"
grep -q '"sandbox_result":"closed"' "$out" || fail "dialogs-then-close: $(cat "$out")"
echo "hostile e2e: dialogs-then-close: no dialog held the headless run"
kill "$sandbox"; wait "$sandbox" 2>/dev/null || true

start_sandbox redirect-huge-query
start_connect redirect-huge-query offscreen
wait_exit "$pid"
[ "$code" = 3 ] || fail "redirect-huge-query: expected exit 3, got $code"
[ "$(wc -c <"$out")" -lt 4096 ] || fail "redirect-huge-query: the result is $(wc -c <"$out") bytes"
echo "hostile e2e: redirect-huge-query: result of $(wc -c <"$out") bytes"
kill "$sandbox"; wait "$sandbox" 2>/dev/null || true

# 2. A real window, a window manager, the keyboard.
start_window_manager

start_sandbox clicked-popups
start_connect clicked-popups xcb
wait_for_log "InModal" "$log"
focus_window "Connect" >/dev/null
sleep 0.3
xdotool key Return # the page's focused button: a real gesture
wait_for_log "/attack/made" "$sandbox_log"
# The "Loading…" popup reaches its web page and is shown; the written one never is.
focus_window "Attack none" >/dev/null
screenshot hostile-popups
sleep 1.5
kill -0 "$pid" 2>/dev/null || fail "clicked-popups: the app is gone: $(tail -3 "$log")"
focus_window "Connect" >/dev/null
xdotool key Escape
wait_exit "$pid"
[ "$code" = 3 ] || fail "clicked-popups: expected exit 3 after Esc, got $code: $(tail -3 "$log")"
echo "hostile e2e: clicked-popups: outlived, the OAuth-style popup shown, Esc cancelled"
kill "$sandbox"; wait "$sandbox" 2>/dev/null || true

start_sandbox alert
start_connect alert xcb
wait_for_log "InModal" "$log"
wait_for_log "/attack/made" "$sandbox_log"
focus_window "Connect" >/dev/null
screenshot hostile-alert
xdotool key Escape
wait_exit "$pid"
[ "$code" = 3 ] || fail "alert: expected exit 3 after Esc, got $code"
echo "hostile e2e: alert: shown in the window, Esc cancelled"

echo "hostile e2e: all passed"
