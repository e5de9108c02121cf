from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from ogp.core.collation import collation_key
from ogp.core.context_processors import country_sections

from .forms import CountryFilterForm
from .selectors import country_get, country_list, country_status_history


def country_index(request: HttpRequest) -> HttpResponse:
    form = CountryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    countries = sorted(
        country_list(
            region=filters.get("region", ""),
            status=filters.get("status", ""),
            query=filters.get("q", ""),
        ),
        key=lambda c: collation_key(c.name),
    )
    return render(request, "countries/country_list.html", {"form": form, "countries": countries})


def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    sections = []
    for label, url_name in country_sections():
        try:
            sections.append(
                {"label": label, "url": reverse(url_name, kwargs={"iso3": country.iso3})}
            )
        except NoReverseMatch:
            continue
    return render(
        request,
        "countries/country_detail.html",
        {
            "country": country,
            "history": country_status_history(country),
            "sections": sections,
            "eligibility": _eligibility_summary(country),
        },
    )


def _eligibility_summary(country):  # type: ignore[no-untyped-def]
    """The latest published eligibility result, when the eligibility app has one."""
    try:
        from ogp.eligibility.selectors import country_eligibility_summary
    except ImportError:  # the eligibility app is optional for this page
        return None
    return country_eligibility_summary(country)
