#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time from its seed corpus; any crash, leak or
# sanitizer report fails. Reproducers go to build-fuzz/artifacts/.
#   tests/fuzz/run.sh <build-fuzz dir> [seconds per target, default 30]
set -euo pipefail
build=$(readlink -f "$1")
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
artifacts=$build/artifacts
mkdir -p "$artifacts"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
failed=0
passed=0
for target in "$build"/fuzz/fuzz_*; do
    name=$(basename "$target")
    work=$(mktemp -d)
    cp "$here/corpus/$name/"* "$work/"
    if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$name-" "$work" >"$build/$name.log" 2>&1; then
        echo "fuzz: $name: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$build/$name.log" | tail -1)s, no crash"
        passed=$((passed + 1))
    else
        echo "fuzz: $name: FAILED (see $build/$name.log, reproducer in $artifacts)" >&2
        grep -E 'ERROR|SUMMARY' "$build/$name.log" | head -5 >&2
        failed=$((failed + 1))
    fi
    rm -rf "$work"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
