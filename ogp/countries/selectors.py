from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Country, MembershipStatusChange


def country_get(iso3: str) -> Country:
    return get_object_or_404(Country, iso3=iso3.upper())


def country_list(
    *, region: str = "", status: str = "", query: str = "", un_member: bool | None = None
) -> QuerySet[Country]:
    countries = Country.objects.all()
    if region:
        countries = countries.filter(region=region)
    if status:
        countries = countries.filter(membership_status=status)
    if un_member is not None:
        countries = countries.filter(un_member=un_member)
    if query:
        from django.db.models import Q

        countries = countries.filter(
            Q(name_en__icontains=query)
            | Q(name_fr__icontains=query)
            | Q(name_es__icontains=query)
            | Q(iso3__iexact=query)
            | Q(iso2__iexact=query)
        )
    return countries


def country_status_history(country: Country) -> QuerySet[MembershipStatusChange]:
    return country.status_changes.select_related("changed_by")
