"""The search read: the page and the API both call `search_documents`."""

from django.utils import translation

from .backends import Filters, Results, backend


def search_documents(
    query: str,
    *,
    language: str | None = None,
    kind: str = "",
    country: str = "",
    area: str = "",
    year: int | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    language = (language or translation.get_language() or "en")[:2]
    return backend().search(
        query,
        language=language,
        filters=Filters(kind=kind, country=country, area=area, year=year),
        limit=limit,
        offset=offset,
    )
