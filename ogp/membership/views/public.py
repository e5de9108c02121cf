"""Public pages: the member list, its CSV exports and the member country page."""

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from ogp.core.cache_middleware import public_page
from ogp.core.permissions import can
from ogp.core.shared_pages import shared_page
from ogp.core.spreadsheets import csv_writer
from ogp.core.streaming import csv_stream
from ogp.countries.models import Country, Region
from ogp.countries.selectors import country_get

from .. import selectors
from .common import (
    _user,
)

# --- Public pages ---------------------------------------------------------------------------


@shared_page()
@public_page
def member_list(request: HttpRequest) -> HttpResponse:
    region = request.GET.get("region", "")
    if region not in Region.values:
        region = ""
    data = selectors.member_list(region=region)
    own = _user(request).country if getattr(request.user, "role", "") == "government" else None
    return render(
        request,
        "membership/member_list.html",
        {**data, "regions": Region.choices, "region": region, "own_country": own},
    )


def member_list_csv(request: HttpRequest) -> HttpResponse:
    """Open data: members and eligible non-members with their status (public fields only)."""
    data = selectors.member_list()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ogp-members.csv"'
    writer = csv_writer(response)
    writer.writerow(
        [
            "iso3", "name", "name_en", "name_fr", "name_es", "region", "status", "status_since",
            "lead_agency",
        ]
    )  # fmt: skip
    # Open data: the same rows whatever the language (ordered by ISO code); "name" is in the
    # language of the address (/fr/members/members.csv: French).
    for country in sorted([*data["members"], *data["eligible"]], key=lambda c: c.iso3):
        lead = getattr(country, "public_lead_agency", None)
        writer.writerow(
            [
                country.iso3,
                country.name,
                country.name_en,
                country.name_fr,
                country.name_es,
                country.region,
                country.membership_status,
                country.membership_status_since.isoformat()
                if country.membership_status_since
                else "",
                lead.name if lead else "",
            ]
        )
    return response


def status_history_csv(request: HttpRequest) -> HttpResponseBase:
    """Open data: every recorded change of OGP status (the public timelines)."""
    rows = (
        [
            change.country.iso3,
            change.country.name,
            change.country.name_en,
            change.effective_date.isoformat(),
            change.from_status,
            change.to_status,
            change.reason,
        ]
        for change in selectors.status_history_all().iterator(chunk_size=2000)
    )
    response = csv_stream(
        ["iso3", "name", "name_en", "effective_date", "from_status", "to_status", "reason"],
        rows,
        bom=False,
    )
    response["Content-Disposition"] = 'attachment; filename="ogp-status-history.csv"'
    return response


def _eligibility_url(country: Country) -> str:
    try:
        return reverse("eligibility:country", kwargs={"iso3": country.iso3})
    except NoReverseMatch:
        return ""


@shared_page()
@public_page
def country_page(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    return render(
        request,
        "membership/country_page.html",
        {
            "country": country,
            **selectors.member_page(country),
            "eligibility_url": _eligibility_url(country),
            "can_view_workspace": can(request, "membership.view_workspace", country),
        },
    )
