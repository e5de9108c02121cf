"""Template helpers used by the base layout."""

from django import template
from django.http import HttpRequest
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context: template.Context, language: str) -> str:
    """The current page in another language (keeps the query string)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return f"/{language}/"
    url = translate_url(request.get_full_path(), language)
    if url == request.get_full_path() and not url.startswith(f"/{language}/"):
        return f"/{language}/"
    return url
