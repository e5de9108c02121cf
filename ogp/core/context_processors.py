"""Template context shared by every page: navigation collected from the apps."""

from functools import cache

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import translation


@cache
def _nav_entries() -> tuple[tuple[str, str], ...]:
    return tuple(app_links("nav_items"))


@cache
def _nav_urls(language: str, prefix: str) -> tuple[tuple[object, str], ...]:
    # the addresses depend only on the language prefix (i18n_patterns) and the script prefix:
    # reversed once per process, not on every page
    urls = []
    for label, url_name in _nav_entries():
        try:
            urls.append((label, reverse(url_name)))
        except NoReverseMatch:
            continue
    return tuple(urls)


def navigation(request: HttpRequest) -> dict[str, object]:
    language = translation.get_language() or ""
    items = [
        {"label": label, "url": url, "current": False}
        for label, url in _nav_urls(language, get_script_prefix())
    ]
    # Only the most specific link is current (/participate/forums/ over /participate/).
    matching = [item for item in items if request.path.startswith(str(item["url"]))]
    if matching:
        max(matching, key=lambda item: len(str(item["url"])))["current"] = True
    return {"nav_items": items}


def app_links(attribute: str) -> list[tuple[str, str]]:
    """(label, url name) pairs that apps declare on their AppConfig under `attribute`."""
    links: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        links.extend(getattr(config, attribute, []) or [])
    return links


def country_sections() -> list[tuple[str, str]]:
    """(label, url name taking `iso3`) contributed by apps to the country hub page."""
    return app_links("country_sections")


def staff_links() -> list[dict[str, str]]:
    """Links to staff work queues that apps declare as `staff_items` (url names, no arguments)."""
    items = []
    for label, url_name in app_links("staff_items"):
        try:
            items.append({"label": label, "url": reverse(url_name)})
        except NoReverseMatch:
            continue
    return items
