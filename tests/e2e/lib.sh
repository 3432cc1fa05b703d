# What both end-to-end scripts need, sourced after they set $e2e_name (their prefix in messages):
#   e2e_inside_x "$@"  re-runs the script inside an X server of its own (Xvfb)
#   e2e_begin "$@"     makes $binary, $shots and $work, and gives the run a user of its own
#                      (settings, caches, data, the single-instance socket)
#   fail, wait_for_log, wait_for_count, wait_exit, focus_window, wait_until_gone, screenshot,
#   start_window_manager
# shellcheck shell=bash

fail() { echo "$e2e_name: FAIL: $*" >&2; exit 1; }

e2e_begin() {
    binary=$(readlink -f "$1")
    shots=$(mkdir -p "$2" && readlink -f "$2")
    work=$(mktemp -d)
    trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
    # A user of our own: nothing from the developer's settings, caches or keychain.
    export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data
    # The single-instance socket lives in the temporary folder: ours, so a Connect Desktop the
    # developer has open does not take our launches.
    export TMPDIR=$work
    export CONNECT_DESKTOP_INSTANCE=connect-desktop-e2e-$$
    unset POLYTOMIC_API_KEY
    if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
}

# Re-runs the calling script inside its own X server (call first, with the script's arguments).
e2e_inside_x() {
    if [ -z "${E2E_INSIDE_X:-}" ]; then
        export E2E_INSIDE_X=1
        exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" "$@"
    fi
}

# Waits until `pattern` appears in `file` (the app logs its session states there).
wait_for_log() {
    local pattern=$1 file=$2
    for _ in $(seq 1 300); do
        grep -q "$pattern" "$file" 2>/dev/null && return 0
        sleep 0.1
    done
    fail "timed out waiting for '$pattern' in $file: $(tail -5 "$file")"
}

# Waits until `pattern` is in `file` at least `count` times.
wait_for_count() {
    local pattern=$1 count=$2 file=$3
    for _ in $(seq 1 300); do
        [ "$(grep -c "$pattern" "$file" 2>/dev/null)" -ge "$count" ] && return 0
        sleep 0.1
    done
    fail "timed out waiting for '$pattern' $count times in $file: $(tail -5 "$file")"
}

# Waits until no visible window is named like $1 (a popup that closes itself, say).
wait_until_gone() {
    for _ in $(seq 1 100); do
        xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 || return 0
        sleep 0.1
    done
    fail "a window named like '$1' is still there"
}

# Waits for the process to exit and sets $code to its exit code (not in a subshell: only this
# shell can reap its child).
wait_exit() {
    local pid=$1
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then fail "connect-desktop did not exit"; fi
    code=0
    wait "$pid" || code=$?
}

# From here on a window manager (openbox) runs: windows are activated through it, as a person's
# click on a window would.
start_window_manager() {
    openbox --sm-disable >/dev/null 2>&1 &
    e2e_window_manager=1
    sleep 0.5
}

# Focuses the newest visible window named like $1 and prints its id.
focus_window() {
    local id
    for _ in $(seq 1 50); do
        # A window that goes while xdotool looks at it (the web engine makes and drops some)
        # fails the search or the focus with BadWindow: look again.
        id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -1) || id=""
        if [ -n "$id" ]; then
            if [ -n "${e2e_window_manager:-}" ]; then
                xdotool windowactivate --sync "$id" 2>/dev/null && { echo "$id"; return 0; }
            elif xdotool windowfocus --sync "$id" 2>/dev/null || xdotool windowfocus "$id" 2>/dev/null; then
                echo "$id"
                return 0
            fi
        fi
        sleep 0.1
    done
    fail "no window named like '$1' could be focused"
}

screenshot() {
    # Let the last frame reach the X server before grabbing it.
    sleep 0.5
    import -window root "$shots/$1.png"
    echo "$e2e_name: screenshot $shots/$1.png"
}
