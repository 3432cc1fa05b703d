#!/usr/bin/env python3
"""Checks the sandbox modal's translations against the strings tables in its scripts.

    translations/check_modal_strings.py [LANG...]

Reads the STRINGS object of resources/sandbox/modal.js (the modal) and of
resources/sandbox/oauth.js (the mock sign-in popup), then every
resources/sandbox/i18n/<lang>.json (or only the languages named). Each file must be a JSON
object holding every message id of modal.js's STRINGS, and under "oauthPage" every id of
oauth.js's STRINGS, each a non-empty string with exactly the {placeholders} of the English
text, and no id the scripts do not have. Prints each problem and exits 1 if there is one.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SANDBOX = ROOT / "resources" / "sandbox"
I18N = SANDBOX / "i18n"
OAUTH_KEY = "oauthPage"

ENTRY = re.compile(r'^\s*(\w+)\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*(//.*)?$')
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def strings_table(script):
    """The STRINGS object of a script as {id: English text}; exits if it cannot be read."""
    text = script.read_text(encoding="utf-8")
    start = re.search(r"\bconst\s+STRINGS\s*=\s*\{", text)
    if not start:
        sys.exit(f"{script}: no 'const STRINGS = {{' found")
    table = {}
    for line in text[start.end():].splitlines():
        stripped = line.strip()
        if stripped.startswith("};"):
            return table
        if not stripped or stripped.startswith("//"):
            continue
        match = ENTRY.match(line)
        if not match:
            # Refuse to guess: a value this parser does not understand would hide a key.
            sys.exit(f"{script}: cannot read this STRINGS line: {line.strip()}")
        table[match.group(1)] = json.loads(match.group(2))
    sys.exit(f"{script}: STRINGS has no closing '}};'")


def check_table(where, english, translated):
    problems = []
    if not isinstance(translated, dict):
        return [f"{where}: not a JSON object"]
    for key, source in english.items():
        if key not in translated:
            problems.append(f"{where}: missing {key!r}")
            continue
        value = translated[key]
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: {key!r} is empty or not a string")
            continue
        want = sorted(PLACEHOLDER.findall(source))
        have = sorted(PLACEHOLDER.findall(value))
        if want != have:
            problems.append(f"{where}: {key!r} has placeholders {have}, the English {want}")
    return problems


def main():
    modal = strings_table(SANDBOX / "modal.js")
    oauth = strings_table(SANDBOX / "oauth.js")
    languages = sys.argv[1:] or sorted(p.stem for p in I18N.glob("*.json"))
    if not languages:
        sys.exit(f"no translations in {I18N}")
    problems = []
    for lang in languages:
        path = I18N / f"{lang}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            problems.append(f"{path.name}: {error}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path.name}: not a JSON object")
            continue
        problems += check_table(path.name, modal, data)
        for key in data:
            if key != OAUTH_KEY and key not in modal:
                problems.append(f"{path.name}: {key!r} is not a message id of modal.js")
        page = data.get(OAUTH_KEY)
        if page is None:
            problems.append(f"{path.name}: missing {OAUTH_KEY!r} (the strings of oauth.js)")
        else:
            problems += check_table(f"{path.name} {OAUTH_KEY}", oauth, page)
            if isinstance(page, dict):
                for key in page:
                    if key not in oauth:
                        problems.append(
                            f"{path.name} {OAUTH_KEY}: {key!r} is not a message id of oauth.js")
    for line in problems:
        print(line)
    print(f"{len(languages)} languages, modal.js {len(modal)} ids, oauth.js {len(oauth)} ids: "
          + ("OK" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
