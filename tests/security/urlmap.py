"""Every URL pattern of the project, walked from `config/urls.py`, as fillable templates.

Security tests request each one with chosen values for its parameters (another party's ids,
control characters), so a new page is covered the day it is added.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the template itself for unnamed patterns
    template: str  # "/en/members/{iso3}/letters/{pk}/"
    params: tuple[str, ...]
    converters: tuple[str, ...]

    def fill(self, values: dict[str, str]) -> str:
        return self.template.format(**{p: values[p] for p in self.params})


def _piece(pattern) -> tuple[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    if isinstance(pattern, LocalePrefixPattern):
        return "en/", []
    text = str(pattern)
    if isinstance(pattern, RoutePattern):
        params = [(m["name"], m["conv"] or "str") for m in CONVERTER.finditer(text)]
        return CONVERTER.sub(lambda m: "{" + m["name"] + "}", text), params
    assert isinstance(pattern, RegexPattern)
    params = [(m["name"], "regex") for m in REGEX_GROUP.finditer(text)]
    text = REGEX_GROUP.sub(lambda m: "{" + m["name"] + "}", text)
    text = text.lstrip("^").rstrip("$").replace("\\", "")
    if "(" in text or "*" in text:  # an unnamed catch-all such as admin's "(?P<url>.*)$"
        text = re.sub(r"\(.*\)", "", text)
    return text, params


def _walk(patterns, prefix: str, params: list, namespace: str | None):  # type: ignore[no-untyped-def]
    for entry in patterns:
        text, new = _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + text, params + new, ns)
        elif isinstance(entry, URLPattern):
            template = "/" + prefix + text
            all_params = params + new
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Route(
                name=name or template,
                template=template,
                params=tuple(p for p, _ in all_params),
                converters=tuple(c for _, c in all_params),
            )


def all_routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "", [], None):
        seen.setdefault(route.template, route)
    return sorted(seen.values(), key=lambda r: r.template)
