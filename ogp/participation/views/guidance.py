"""Per-country civil society page: what can be done now, chosen from status and eligibility."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from ogp.core.cache_middleware import public_page
from ogp.countries.selectors import country_get
from ogp.engagement.selectors import is_following

from ..domain.guidance import Phase
from ..selectors import event_list, forum_list, guidance_for


def _url(name: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


@public_page
def country_page(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    guidance = guidance_for(country)
    forums = list(forum_list(country=country))
    links = {
        "eligibility": _url("eligibility:country", iso3=country.iso3),
        "directory": f"{reverse('participation:directory')}?country={country.iso3}",
        "forums": f"{reverse('participation:forum-list')}?country={country.iso3}",
        "events": reverse("participation:event-list"),
        "mailing": f"{reverse('participation:mailing-list-signup')}?country={country.iso3}",
        "letters": _url("membership:letter-list"),
        "members": _url("membership:member-list"),
    }
    return render(
        request,
        "participation/guidance/country.html",
        {
            "country": country,
            "guidance": guidance,
            "phases": [p.value for p in guidance.phases],
            "all_phases": [p.value for p in Phase],
            "forums": forums,
            "events": event_list(country=country)[:5],
            "links": links,
            "is_following": is_following(request.user, country),
        },
    )
