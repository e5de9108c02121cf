"""Fail when any French or Spanish message is untranslated, fuzzy, or has broken placeholders."""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|%[sd]")


def catalogue_paths() -> list[Path]:
    return sorted(
        p
        for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
        if ".venv" not in p.parts and p.parent.parent.name in {"fr", "es"}
    )


def plural_count(catalogue: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def problems(path: Path) -> list[str]:
    found: list[str] = []
    catalogue = polib.pofile(str(path))
    nplurals = plural_count(catalogue)
    for entry in catalogue:
        if entry.obsolete:
            continue
        where = f"{path.relative_to(ROOT)}:{entry.linenum}"
        if "fuzzy" in entry.flags:
            found.append(f"{where}: fuzzy: {entry.msgid[:70]!r}")
            continue
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if entry.msgid_plural and len(entry.msgstr_plural) != nplurals:
            found.append(f"{where}: {len(entry.msgstr_plural)} plural forms, {nplurals} declared")
            continue
        if not all(t.strip() for t in translations):
            found.append(f"{where}: untranslated: {entry.msgid[:70]!r}")
            continue
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        for text in translations:
            if sorted(PLACEHOLDER.findall(text)) != expected and not entry.msgid_plural:
                found.append(f"{where}: placeholders differ: {entry.msgid[:70]!r}")
    return found


def main() -> int:
    paths = catalogue_paths()
    if not paths:
        print("No French or Spanish catalogue found.")
        return 1
    all_problems = [p for path in paths for p in problems(path)]
    for problem in all_problems:
        print(problem)
    print(f"{len(paths)} catalogues checked, {len(all_problems)} problems.")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
