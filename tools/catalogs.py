"""Translation catalogs: extract, update, fill English, compile, report what is missing.

    python -m tools.catalogs update     # extract messages, update both catalogs, fill English
    python -m tools.catalogs missing    # list Japanese entries still untranslated
    python -m tools.catalogs compile    # .po → .mo (make does this before run and test)

English is the source language, so its catalog repeats each msgid; it exists so that a
missing entry is caught the same way in both languages.
"""

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOG_DIR = ROOT / "cshire" / "translations"
TEMPLATE = CATALOG_DIR / "messages.pot"
LANGUAGES = ("en", "ja")


def po_path(language: str) -> Path:
    return CATALOG_DIR / language / "LC_MESSAGES" / "messages.po"


def extract(output: Path = TEMPLATE) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "plural_l:1,2",  # plural_l: cshire.errors' plural messages
         "--no-location", "--sort-output", "-o", str(output), "."],
        cwd=ROOT, check=True, capture_output=True,
    )


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def update() -> None:
    extract()
    for language in LANGUAGES:
        template = read_catalog(TEMPLATE)  # fresh each time: update() reuses its messages
        catalog = read_catalog(po_path(language))
        catalog.update(template, no_fuzzy_matching=True)
        if language == "en":
            for message in catalog:
                if message.id and not _translated(message):
                    message.string = message.id
        with po_path(language).open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, sort_output=True)


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings) and "fuzzy" not in message.flags


def missing(language: str = "ja") -> list[str]:
    catalog = read_catalog(po_path(language))
    return [str(m.id) for m in catalog if m.id and not _translated(m)]


def compile_catalogs() -> None:
    """Write each .mo next to its .po when the .po is newer (or the .mo is missing)."""
    for language in LANGUAGES:
        source = po_path(language)
        target = source.with_suffix(".mo")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        catalog = read_catalog(source)
        with target.open("wb") as handle:
            write_mo(handle, catalog)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "missing"
    if command == "update":
        update()
    elif command == "compile":
        compile_catalogs()
    elif command == "missing":
        for msgid in missing():
            print(msgid)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
