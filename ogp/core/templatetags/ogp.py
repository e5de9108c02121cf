"""Template helpers used by the base layout.

The header (language links and the two navigation lists) is on every page; rendering it took
about 4 ms of a signed-in page's 10 ms. What it shows depends on little (language, kind of
reader, current link, and the page's own address for the language links), so each piece is
rendered once per process for each such combination and reused.
"""

from functools import lru_cache

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix, translate_url
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from ogp.core.csrf_placeholder import csrf_placeholder, with_reader_token

register = template.Library()

# longer addresses (rare; hostile ones) are translated per request rather than kept
_CACHED_PATH_LENGTH = 512


def _path_in_language(full_path: str, language: str) -> str:
    url = translate_url(full_path, language)
    if url == full_path and not url.startswith(f"/{language}/"):
        return f"/{language}/"
    return url


@lru_cache(maxsize=2048)
def _cached_path_in_language(full_path: str, language: str, script_prefix: str) -> str:
    # the answer depends only on the address, the language and the script prefix (URL
    # patterns do not change while the process runs)
    return _path_in_language(full_path, language)


def path_in_language(full_path: str, language: str) -> str:
    """`full_path` (with its query string) in another language's URL prefix."""
    if len(full_path) > _CACHED_PATH_LENGTH:
        return _path_in_language(full_path, language)
    return _cached_path_in_language(full_path, language, get_script_prefix())


@register.simple_tag(takes_context=True)
def url_in_language(context: template.Context, language: str) -> str:
    """The current page in another language (keeps the query string)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return f"/{language}/"
    return path_in_language(request.get_full_path(), language)


@lru_cache(maxsize=8)
def _language_names(languages: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (code, capfirst(translation.get_language_info(code)["name_local"]))
        for code, _name in languages
    )


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> SafeString:
    """The header's list of the current page in each interface language."""
    request: HttpRequest | None = context.get("request")
    current = translation.get_language()
    full_path = request.get_full_path() if request is not None else None
    items = []
    for code, name in _language_names(tuple(settings.LANGUAGES)):
        url = path_in_language(full_path, code) if full_path is not None else f"/{code}/"
        here = mark_safe(' aria-current="true"') if code == current else ""  # noqa: S308
        items.append((url, code, code, here, name))
    return format_html_join("\n", '<li><a href="{}" lang="{}" hreflang="{}"{}>{}</a></li>', items)


@lru_cache(maxsize=256)
def _navigation_html(
    language: str,
    script_prefix: str,
    items: tuple[tuple[str, str, bool], ...],
    signed_in: bool,
    support_unit: bool,
    is_home: bool,
) -> str:
    return render_to_string(
        "core/_site_nav.html",
        {
            "nav_items": [{"url": u, "label": label, "current": c} for u, label, c in items],
            "signed_in": signed_in,
            "support_unit": support_unit,
            "is_home": is_home,
            "csrf_token": csrf_placeholder(),
        },
    )


@register.simple_tag(takes_context=True)
def site_navigation(context: template.Context) -> SafeString:
    """The main navigation (desk bar and phone disclosure), the same for every reader of one
    kind (visitor, signed in, Support Unit) on pages with the same current link."""
    request: HttpRequest | None = context.get("request")
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    support_unit = bool(signed_in and getattr(user, "is_support_unit", False))
    match = getattr(request, "resolver_match", None)
    items = tuple(
        (str(item["url"]), str(item["label"]), bool(item["current"]))
        for item in context.get("nav_items") or ()
    )
    html = _navigation_html(
        translation.get_language() or "",
        get_script_prefix(),
        items,
        signed_in,
        support_unit,
        bool(match and match.view_name == "core:home"),
    )
    if signed_in and request is not None:
        # unchanged while a page is rendered for storage: each reader's token goes in later
        html = with_reader_token(request, html)
    return mark_safe(html)  # noqa: S308 (rendered by our own template, escaped there)


@receiver(setting_changed)
def _forget_rendered(*, setting: str, **_: object) -> None:
    # tests that change the URL patterns or languages must not get another set's links
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "INSTALLED_APPS"}:
        _cached_path_in_language.cache_clear()
        _language_names.cache_clear()
        _navigation_html.cache_clear()
