#!/usr/bin/env python3
"""Fill the Qt Linguist files from the translation memory and check every translation.

    translations/apply_translations.py [--force] [--check] [LANG...]

For each language (default: every translations/work/<lang>.json), reads
translations/connect-desktop_<lang>.ts and fills each message that is unfinished or empty with
the memory's translation for its (context, source text). Translations already finished in the
.ts file (for example edited in Qt Linguist) are left alone unless --force is given. Every
translation in the file, old or new, is then checked:

  errors   - Qt placeholders (%1, %L1, %n) differ from the source's, {name} placeholders differ,
             the number of & mnemonics differs, a command-line option (--name) or the
             POLYTOMIC_API_KEY variable is missing, leading spaces (except in Japanese) or
             trailing newlines differ, a plural message has the wrong number of forms for the
             language
  warnings - a product name of the source is missing, the source's typographic quotes have no
             counterpart in the language's quotes

The file is written back in lupdate's own format (through lconvert). With --check nothing is
written. The exit status is 1 when a message is still unfinished or a check fails.

The memory (translations/work/<lang>.json) maps context -> source text -> translation; a plural
message has a list of forms; a message with a disambiguation comment is keyed
"source\\u0004comment". Entries the current sources no longer have are kept: they cost nothing
and come back into use if the text does.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
LCONVERT = "/usr/lib/qt6/bin/lconvert"

# Qt's plural rules (numerus.cpp): forms per language.
PLURAL_FORMS = {"de": 2, "fr": 2, "es": 2, "ja": 1, "ar": 6}
NO_SENTENCE_SPACE = {"ja"}
OPENING_QUOTES = {"de": "„", "fr": "«", "es": "«", "ja": "「", "ar": "«”"}
PRODUCT_NAMES = ["Connect Desktop", "Polytomic", "Paragon", "HubSpot", "Salesforce", "PostgreSQL",
                 "Google", "OAuth", "JSON", "URL", "API", "SVG", "HTTP"]

QT_ARG = re.compile(r"%L?\d+|%n|%Ln")
BRACE_ARG = re.compile(r"\{\w+\}")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def mnemonics(text):
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def key_of(source, comment):
    return source if not comment else source + "\u0004" + comment


def check(lang, context, source, forms, numerus):
    """Returns (errors, warnings) for one translation (forms: list of strings)."""
    errors, warnings = [], []
    where = f"{context}: {source[:60]!r}"
    if numerus and len(forms) != PLURAL_FORMS[lang]:
        errors.append(f"{where}: {len(forms)} plural forms, {lang} needs {PLURAL_FORMS[lang]}")
    source_args = set(QT_ARG.findall(source))
    for form in forms:
        if not form.strip():
            errors.append(f"{where}: empty translation")
            continue
        args = set(QT_ARG.findall(form))
        if numerus:
            # A plural form may leave the number out ("two attempts" in Arabic's dual).
            if args - source_args or (source_args - {"%n"}) - args:
                errors.append(f"{where}: placeholders {sorted(args)} vs {sorted(source_args)}")
        elif args != source_args:
            errors.append(f"{where}: placeholders {sorted(args)} vs {sorted(source_args)}")
        if set(BRACE_ARG.findall(form)) != set(BRACE_ARG.findall(source)):
            errors.append(f"{where}: {{placeholders}} differ: {form!r}")
        if mnemonics(form) != mnemonics(source):
            errors.append(f"{where}: {mnemonics(form)} & mnemonics, the source has "
                          f"{mnemonics(source)}: {form!r}")
        for option in set(OPTION.findall(source)):
            if option not in form:
                errors.append(f"{where}: option {option} missing: {form!r}")
        if "POLYTOMIC_API_KEY" in source and "POLYTOMIC_API_KEY" not in form:
            errors.append(f"{where}: POLYTOMIC_API_KEY missing")
        lead = len(source) - len(source.lstrip(" "))
        if (len(form) - len(form.lstrip(" "))) != lead:
            # Japanese puts no space between sentences: a fragment appended to a sentence
            # (" The server said: …") may drop its leading space there.
            (warnings if lang in NO_SENTENCE_SPACE else errors).append(
                f"{where}: leading spaces differ: {form!r}")
        if source.endswith("\n") != form.endswith("\n"):
            errors.append(f"{where}: trailing newline differs")
        for name in PRODUCT_NAMES:
            if name in source and name not in form:
                warnings.append(f"{where}: {name!r} not kept: {form!r}")
        if "“" in source and not any(q in form for q in OPENING_QUOTES[lang]):
            warnings.append(f"{where}: no {OPENING_QUOTES[lang]} quotes: {form!r}")
    return errors, warnings


def process(lang, force, write):
    ts_path = HERE / f"connect-desktop_{lang}.ts"
    memory_path = WORK / f"{lang}.json"
    memory = json.loads(memory_path.read_text(encoding="utf-8")) if memory_path.exists() else {}
    tree = ET.parse(ts_path)
    root = tree.getroot()
    filled = unfinished = total = 0
    errors, warnings = [], []
    for context in root.iter("context"):
        name = context.findtext("name")
        table = memory.get(name, {})
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            numerus = message.get("numerus") == "yes"
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation", {"type": "unfinished"})
            if numerus:
                forms = [f.text or "" for f in translation.findall("numerusform")]
            else:
                forms = [translation.text or ""]
            done = translation.get("type") not in ("unfinished", "vanished", "obsolete") and all(
                f.strip() for f in forms)
            wanted = table.get(key_of(source, comment))
            if wanted is not None and (force or not done):
                new_forms = wanted if isinstance(wanted, list) else [wanted]
                errs, _ = check(lang, name, source, new_forms, numerus)
                if errs:
                    errors += [f"memory {lang}: {e}" for e in errs]
                else:
                    if numerus:
                        for old in translation.findall("numerusform"):
                            translation.remove(old)
                        translation.text = None
                        for form in new_forms:
                            ET.SubElement(translation, "numerusform").text = form
                    else:
                        translation.text = new_forms[0]
                    translation.attrib.pop("type", None)
                    forms, done = new_forms, True
                    filled += 1
            if not done:
                unfinished += 1
                continue
            errs, warns = check(lang, name, source, forms, numerus)
            errors += [f"{lang}: {e}" for e in errs]
            warnings += [f"{lang}: {w}" for w in warns]
    if write and filled:
        with tempfile.NamedTemporaryFile("wb", suffix=".ts", delete=False) as raw:
            raw.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            raw.write(ET.tostring(root, encoding="utf-8"))
        # lconvert writes exactly what lupdate writes, so the two never fight over the layout.
        subprocess.run([LCONVERT, "-locations", "none", "-i", raw.name, "-o", str(ts_path)],
                       check=True)
        Path(raw.name).unlink()
    return total, filled, unfinished, errors, warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*")
    parser.add_argument("--force", action="store_true",
                        help="replace finished translations with the memory's")
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    parser.add_argument("--quiet-warnings", action="store_true")
    args = parser.parse_args()
    languages = args.languages or sorted(p.stem for p in WORK.glob("*.json"))
    failed = False
    for lang in languages:
        if lang not in PLURAL_FORMS:
            sys.exit(f"unknown language {lang}: add its plural forms and quotes to this script")
        total, filled, unfinished, errors, warnings = process(lang, args.force, not args.check)
        print(f"{lang}: {total} messages, {filled} filled from the memory, "
              f"{unfinished} unfinished, {len(errors)} errors, {len(warnings)} warnings")
        for line in errors:
            print("  error:", line)
        if not args.quiet_warnings:
            for line in warnings:
                print("  warning:", line)
        failed |= bool(unfinished or errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
