"""Playwright on Debian's chromium, with axe-core accessibility checks on every visited page."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run 'apt-get install chromium' (make test does)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium_browser, live_server, settings):
    settings.ALLOWED_HOSTS = ["*"]
    context = chromium_browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response.get("violations", []):
        if violation.get("impact") in BLOCKING_IMPACTS:
            targets = [", ".join(node.get("target", [])) for node in violation.get("nodes", [])]
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            )
    return found


PHONE = {"width": 375, "height": 800}
LANGUAGES = ("en", "fr", "es")
# (path) already measured at 375 px in every language during this session
_measured_narrow: set[str] = set()


def _page_width(page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def _narrow_overflows(page) -> list[str]:
    """Pages wider than a 375 px phone: this page, then its other two languages (GET)."""
    from urllib.parse import urlsplit, urlunsplit

    found = []
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = _page_width(page)
        if width > PHONE["width"]:
            found.append(f"{page.url}: {width} px wide at 375 px")
    finally:
        if size:
            page.set_viewport_size(size)
    parts = urlsplit(page.url)
    segments = parts.path.split("/")
    if len(segments) < 2 or segments[1] not in LANGUAGES:
        return found
    # Account pages keep state in the session on GET (a new TOTP secret, a login stage):
    # loading them again in another tab would change the journey. They are measured when a
    # test visits them, in its language.
    if len(segments) > 2 and segments[2] == "accounts":
        return found
    key = "/".join(segments[2:]) + ("?" + parts.query if parts.query else "")
    if key in _measured_narrow:
        return found
    _measured_narrow.add(key)
    other = page.context.new_page()
    try:
        other.set_viewport_size(PHONE)
        for language in LANGUAGES:
            if language == segments[1]:
                continue
            path = "/".join(["", language, *segments[2:]])
            url = urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
            response = other.goto(url)
            if response is None or response.status >= 400:
                continue
            width = _page_width(other)
            if width > PHONE["width"]:
                found.append(f"{url}: {width} px wide at 375 px")
    finally:
        other.close()
    return found


@pytest.fixture
def assert_accessible():
    """Call with a page: fails listing every serious or critical axe-core violation, and any
    page-level horizontal overflow at 375 px (document.documentElement.scrollWidth larger than
    the phone's width) on this page and on the same page in the other two languages."""

    def check(page) -> None:
        from playwright.sync_api import Error as PlaywrightError

        # A check called right after a click may find the page still navigating (axe then sees
        # no document): wait for the new page to load and run it again.
        for attempt in range(3):
            page.wait_for_load_state("load")
            try:
                violations = _violations(page)
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
                page.wait_for_timeout(200)
        assert not violations, f"Accessibility violations on {page.url}:\n" + "\n".join(violations)
        overflows = _narrow_overflows(page)
        assert not overflows, "Horizontal overflow on a phone:\n" + "\n".join(overflows)

    return check
