from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from ogp.core import hooks
from ogp.core.cache_middleware import public_page
from ogp.core.collation import localised_name_field, natural
from ogp.core.context_processors import country_sections
from ogp.core.shared_pages import shared_page

from .forms import CountryFilterForm
from .selectors import country_get, country_list, country_status_history


@shared_page()
@public_page
def country_index(request: HttpRequest) -> HttpResponse:
    form = CountryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    countries = country_list(
        region=filters.get("region", ""),
        status=filters.get("status", ""),
        query=filters.get("q", ""),
    ).order_by(natural(localised_name_field()), "pk")  # every country: a bounded list
    return render(request, "countries/country_list.html", {"form": form, "countries": countries})


@shared_page()
@public_page
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
            "summaries": hooks.country_sections.sections(country),
        },
    )
