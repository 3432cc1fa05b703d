#!/usr/bin/env bash
# Refreshes the Qt Linguist files from the current sources, for every shipped language:
#
#   translations/update.sh            # lupdate, then fill new messages from the memory
#   translations/update.sh --no-fill  # lupdate only
#
# lupdate scans src/ and app/ (.cpp, .h, .ui), keeps every existing translation, adds new
# messages as unfinished and drops the ones the sources no longer have (-no-obsolete). No source
# locations are written, so moving code does not change the files. Then apply_translations.py
# fills unfinished messages the translation memory (translations/work/<lang>.json) already
# knows, never touching finished ones, checks placeholders and mnemonics, and prints what is
# left to translate. LUPDATE=/path/to/lupdate overrides the lupdate found on this machine.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
languages=(de fr es ja ar)

find_lupdate() {
    if [[ -n ${LUPDATE:-} ]]; then
        echo "$LUPDATE"
        return
    fi
    local dir
    for dir in "$(qtpaths6 --query QT_HOST_LIBEXECS 2>/dev/null || true)" \
        "$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || true)" /usr/lib/qt6/bin \
        /usr/lib/qt6/libexec; do
        if [[ -n $dir && -x $dir/lupdate ]]; then
            echo "$dir/lupdate"
            return
        fi
    done
    command -v lupdate6 || command -v lupdate-qt6 || command -v lupdate || {
        echo "update.sh: no lupdate found (install qt6-l10n-tools, or set LUPDATE)" >&2
        exit 2
    }
}
lupdate=$(find_lupdate)

cd "$root"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for lang in "${languages[@]}"; do
    "$lupdate" src app -extensions cpp,h,ui -locations none -no-obsolete -no-ui-lines \
        -source-language en -target-language "$lang" \
        -ts "translations/connect-desktop_$lang.ts" >>"$log" 2>&1 || {
        cat "$log" >&2
        exit 1
    }
done
# Each run scans the same sources: show its warnings once. "Class … lacks Q_OBJECT macro" is
# expected (files whose local tr() passes their class name as the context), so it is hidden.
grep -e 'cannot\|warning\|error' "$log" | grep -v 'lacks Q_OBJECT macro' | sort -u -V || true
grep -e '^Updating' -e 'Found' "$log" | paste - - | sed 's/ \{2,\}/ /g' || true

if [[ ${1:-} != --no-fill ]]; then
    python3 "$here/apply_translations.py" --quiet-warnings "${languages[@]}"
fi
