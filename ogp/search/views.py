"""The search page: a form, ranked results with highlighted excerpts, facets as links."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ogp.countries.models import Country
from ogp.organisations.models import FocusAreaCode
from ogp.plans.models import PolicyArea

from .forms import SearchForm
from .models import DocumentKind
from .selectors import search_documents

PAGE_SIZE = 20


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    facets: dict[str, list[dict[str, object]]] = {}
    pages: dict[str, str] = {}
    if form.is_valid() and form.cleaned_data["q"].strip():
        d = form.cleaned_data
        page = d["page"] or 1
        results = search_documents(
            d["q"],
            kind=d["kind"],
            country=d["country"] or "",
            area=d["area"] or "",
            year=d["year"],
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
        current = {k: v for k, v in request.GET.items() if k in form.fields and k != "page"}
        kind_labels = dict(DocumentKind.choices)
        area_codes = [code for code, _n in results.facets.get("area", [])]
        area_labels = {
            **{a.code: a.name for a in PolicyArea.objects.filter(code__in=area_codes)},
            **dict(FocusAreaCode.choices),
        }  # commitments carry OGP's policy areas, the rest the directory's focus areas
        codes = [code for code, _n in results.facets.get("country", [])]
        names = {c.iso3: c.name for c in Country.objects.filter(iso3__in=codes)}

        def link(name: str, value: str) -> str:
            params = {**current, name: value}
            if str(current.get(name, "")) == value:
                params.pop(name)  # selected facet: the link removes it
            return "?" + urlencode(params)

        labels: dict[str, dict[str, Any]] = {
            "kind": kind_labels,
            "area": area_labels,
            "country": names,
        }
        for name, values in results.facets.items():
            facets[name] = [
                {
                    "label": labels.get(name, {}).get(value, value),
                    "count": n,
                    "url": link(name, value),
                    "selected": str(current.get(name, "")) == value,
                }
                for value, n in values
            ]
        if page > 1:
            pages["previous"] = "?" + urlencode({**current, "page": page - 1})
        if page * PAGE_SIZE < results.total and page < 50:
            pages["next"] = "?" + urlencode({**current, "page": page + 1})
    return render(
        request,
        "search/page.html",
        {"form": form, "results": results, "facets": facets, "pages": pages},
    )
