"""Screenshots of the main pages at desk and phone width, from a freshly seeded database.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png + README.md
    OGP_SOURCES_DIR=../shared/data .venv/bin/python scripts/screenshots.py   # with real sources

It migrates and seeds a throw-away SQLite database (countries, rule sets, demo content, and the
publishers' files of OGP_SOURCES_DIR when set), creates a fictional government user and a Support
Unit member, serves the site with `manage.py runserver` and photographs each page with Debian's
chromium through Playwright (as the browser tests do).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# (file stem, path, who is logged in, caption)
PAGES = [
    ("home", "/en/", None, "Home page"),
    ("home-fr", "/fr/", None, "Home page in French"),
    ("eligibility", "/en/eligibility/", None, "Eligibility database"),
    ("members", "/en/members/", None, "Members and eligible countries"),
    ("country-es", "/es/countries/BWA/", None, "A country page, in Spanish"),
    ("participate", "/en/participate/", None, "Civil society: ways to take part"),
    ("events", "/en/participate/events/", None, "Events"),
    ("signup", "/en/accounts/signup/", None, "Sign-up page"),
    ("workspace", "/en/members/BWA/joining/", "government", "Joining workspace of a government"),
    ("assessment", "/en/members/BWA/assessment/", "government", "Asking to be assessed"),
    ("staff-home", "/en/account/staff/", "staff", "Support Unit home: first-run checklist"),
    ("design", "/en/design/", None, "Design system components"),
]


def _env(db_path: Path, media: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{db_path}",
        PRIVATE_MEDIA_ROOT=str(media),
        SITE_URL=f"http://127.0.0.1:{port}",
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _sessions(env: dict[str, str]) -> dict[str, str]:
    """Fictional people, logged in through Django's test client: {who: session id}."""
    code = """
import django, json
django.setup()
from django.test import Client
from ogp.accounts.tests.factories import GovernmentUserFactory, StaffUserFactory
from ogp.countries.models import Country
from ogp.membership.tests.factories import CoChairsFactory
country = Country.objects.get(iso3="BWA")
people = {
    "government": GovernmentUserFactory(
        email="gov.demo@example.org", full_name="Kabo Molefe (demo)",
        job_title="Director (demo)", country=country,
    ),
    "staff": StaffUserFactory(email="staff.demo@example.org", full_name="Sam Support (demo)"),
}
sessions = {}
for who, user in people.items():
    client = Client()
    client.force_login(user)
    sessions[who] = client.cookies["sessionid"].value
print(json.dumps(sessions))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own http://127.0.0.1
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def _readme(out: Path) -> None:
    lines = [
        "# Screenshots",
        "",
        "Made by `scripts/screenshots.py` from a freshly seeded database (demo content is",
        "fictional and labelled “Demo”). Desk: 1280 px wide; phone: 375 px wide.",
        "",
        "| page | desk | phone |",
        "| --- | --- | --- |",
    ]
    for stem, path, _who, caption in PAGES:
        lines.append(
            f"| {caption} (`{path}`) | ![{caption}, desk]({stem}-desk.png) "
            f"| ![{caption}, phone]({stem}-phone.png) |"
        )
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8117")))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="ogp-screenshots-") as tmp:
        env = _env(Path(tmp) / "db.sqlite3", Path(tmp) / "private", options.port)
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "seed")
        sessions = _sessions(env)
        base = f"http://127.0.0.1:{options.port}"
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{options.port}", "--noreload"],
            cwd=ROOT,
            env=env,
        )
        try:
            _wait_for(base + "/health/")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=options.chromium, headless=True, args=["--no-sandbox"]
                )
                for stem, path, who, _caption in PAGES:
                    for width_name, viewport in (("desk", DESK), ("phone", PHONE)):
                        context = browser.new_context(base_url=base, viewport=viewport)
                        if who:
                            context.add_cookies(
                                [{"name": "sessionid", "value": sessions[who], "url": base}]
                            )
                        page = context.new_page()
                        page.goto(path)
                        page.wait_for_load_state("networkidle")
                        target = out / f"{stem}-{width_name}.png"
                        page.screenshot(path=str(target))
                        print(f"  {target.relative_to(ROOT)}")
                        context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    _readme(out)


if __name__ == "__main__":
    main()
