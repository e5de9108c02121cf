"""Extract and compile translation catalogues (en source; fr and es translated).

Shared strings (templates/, ogp/core, accounts, countries, audit, organisations) go to the top-level
locale/; each domain app with its own `locale/` folder keeps its own catalogue.

    python scripts/messages.py            # every catalogue
    python scripts/messages.py --app eligibility
    python scripts/messages.py --shared       # only the top-level catalogue
    python scripts/messages.py --compile-only
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "es"]
PYTHON = sys.executable
IGNORE = [".venv", "var", "bench", "tests", "node_modules", "*/tests/*", "conftest.py"]


def app_dirs_with_locale() -> list[Path]:
    return sorted(p.parent for p in (ROOT / "ogp").glob("*/locale") if p.is_dir())


def run(args: list[str], cwd: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "PYTHONPATH": str(ROOT)}
    subprocess.run(args, cwd=cwd, check=True, env=env)


def make(cwd: Path, extra_ignores: list[str]) -> None:
    args = [PYTHON, str(ROOT / "manage.py"), "makemessages", "--no-location", "--no-obsolete"]
    for language in LANGUAGES:
        args += ["-l", language]
    for pattern in IGNORE + extra_ignores:
        args += ["--ignore", pattern]
    run(args, cwd)


def compile_all(cwd: Path) -> None:
    run([PYTHON, str(ROOT / "manage.py"), "compilemessages", "--ignore", ".venv"], cwd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app", help="only this app (a folder under ogp/ with a locale/ folder)")
    parser.add_argument("--shared", action="store_true", help="only the top-level catalogue")
    parser.add_argument("--compile-only", action="store_true")
    options = parser.parse_args()
    app_dirs = app_dirs_with_locale()
    if options.app:
        app_dir = ROOT / "ogp" / options.app
        (app_dir / "locale").mkdir(exist_ok=True)
        if not options.compile_only:
            make(app_dir, [])
        compile_all(app_dir)
        return
    if not options.compile_only:
        make(ROOT, [str(d.relative_to(ROOT)) + "/*" for d in app_dirs])
        for app_dir in [] if options.shared else app_dirs:
            make(app_dir, [])
    compile_all(ROOT)


if __name__ == "__main__":
    main()
