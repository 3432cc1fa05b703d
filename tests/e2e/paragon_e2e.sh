#!/usr/bin/env bash
# End to end, Paragon: the real connect-desktop binary in a real X server (Xvfb) with a window
# manager (openbox), driven from the keyboard with xdotool as a person would, against the
# built-in Paragon sandbox (in process), Paragon's own SDK running in the app's host page.
# Screenshots go to $2.
#   paragon_e2e.sh <connect-desktop> <screenshot dir>
# Checks: the portal shows in light and dark; Return connects (focus is on Connect as the portal
# opens), Return allows in the sign-in popup, Return on Done ends the session: exit 0 with the
# credential in the JSON; Esc cancels (exit 3); an unknown integration is exit 2 naming it.
set -euo pipefail

e2e_name=paragon-e2e
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_inside_x "$@"
e2e_begin "$@"
export QT_QPA_PLATFORM=xcb
export QT_LOGGING_RULES="connectdesktop.app.info=true"
start_window_manager

# 1. Light: connect, allow, done, from the keyboard alone.
"$binary" connect --platform paragon --integration hubspot --light --json \
    >"$work/out1.json" 2>"$work/log1" &
pid=$!
wait_for_log "InModal" "$work/log1"
connect_window=$(focus_window "Connect")
# The portal is drawn once the SDK opened it; its first control has the keyboard.
sleep 1
screenshot paragon-portal-light
xdotool key Return
focus_window "Sandbox sign-in" >/dev/null # the sign-in popup: "Sandbox sign-in for HubSpot"
screenshot paragon-consent-light
xdotool key Return
# The popup closes itself; the portal says the account is connected and Done has the keyboard.
wait_until_gone "Sandbox sign-in"
xdotool windowactivate --sync "$connect_window" 2>/dev/null || true
sleep 1
screenshot paragon-portal-connected-light
xdotool key Return
wait_exit $pid
cat "$work/out1.json"
[ "$code" = 0 ] || fail "expected exit 0 after connecting, got $code: $(tail -5 "$work/log1")"
grep -q '"outcome":"completed"' "$work/out1.json" || fail "no completed outcome"
grep -q '"status":"healthy"' "$work/out1.json" || fail "the credential's status is missing"
grep -q '"id":"[0-9a-f-]\{36\}"' "$work/out1.json" || fail "the credential id is missing"

# 2. Dark: the portal in the dark theme; Esc cancels.
"$binary" connect --platform paragon --integration salesforce --dark --json \
    >"$work/out2.json" 2>"$work/log2" &
pid=$!
wait_for_log "InModal" "$work/log2"
focus_window "Connect" >/dev/null
sleep 1
screenshot paragon-portal-dark
xdotool key Escape
wait_exit $pid
cat "$work/out2.json"
[ "$code" = 3 ] || fail "expected exit 3 after Esc, got $code"
grep -q '"outcome":"cancelled"' "$work/out2.json" || fail "no cancelled outcome"

# 3. An integration the project does not have: exit 2, one line that names it.
code=0
"$binary" connect --platform paragon --integration no_such_type --json >/dev/null 2>"$work/err3" || code=$?
[ "$code" = 2 ] || fail "expected exit 2 for an unknown integration, got $code: $(cat "$work/err3")"
grep -q "no_such_type" "$work/err3" || fail "the error does not name the integration"

# 4. The main window: switch to the Paragon sandbox profile, connect HubSpot from the picker,
# see it listed, then remove it; the keyboard alone.
"$binary" >"$work/out4" 2>"$work/log4" &
pid=$!
main_window=$(focus_window "Connect Desktop")
wait_for_log "picker filled" "$work/log4"
wait_for_count "connections listed: 0" 1 "$work/log4"
xdotool key alt+p Down # the profile switcher: the next profile, the Paragon sandbox
wait_for_count "connections listed: 0" 2 "$work/log4"
sleep 0.5
screenshot paragon-main-window
xdotool windowactivate --sync "$main_window"
xdotool key alt+i
xdotool type --delay 20 "hubspot"
xdotool key Return
wait_for_log "InModal" "$work/log4"
connect_window=$(focus_window "Connect HubSpot")
sleep 1
xdotool key Return
focus_window "Sandbox sign-in" >/dev/null
xdotool key Return
wait_until_gone "Sandbox sign-in"
xdotool windowactivate --sync "$connect_window" 2>/dev/null || true
sleep 1
xdotool key Return # Done
wait_for_log "connections listed: 1" "$work/log4"
sleep 0.5
screenshot paragon-main-window-connected
xdotool key Return # Close, on the connect window's result
wait_until_gone "Connect HubSpot"
focus_window "Paragon sandbox" >/dev/null
xdotool key alt+c alt+r # the list (its connection is current), then Remove…
focus_window "Remove Connection" >/dev/null
screenshot paragon-remove-confirmation
xdotool key Tab
sleep 0.3
screenshot paragon-remove-confirmation-tab
xdotool key Return
wait_for_count "connections listed: 0" 3 "$work/log4"
kill $pid
wait $pid 2>/dev/null || true

echo "paragon-e2e: all scenarios passed"
