"""The API's filter sets (ogp/api/filters.py: cheap copies of the declared filters, a form built
once whose instances share its fields) answer as django-filter's own do: the same validation,
the same errors, the same query, the same pages and JSON 400s, in every language."""

import django_filters
import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client
from django_filters.filterset import BaseFilterSet

from ogp.api import filters as api_filters
from ogp.api import monitoring_views, plan_filters
from ogp.api.plan_views import CommitmentViewSet
from ogp.api.views import CycleResultViewSet
from ogp.countries.models import Country

pytestmark = pytest.mark.django_db


def stock(filterset: type) -> type:
    """The same declared filters with django-filter's deep copies and a form per request."""

    class Stock(filterset):  # type: ignore[valid-type,misc]
        def __init__(self, *args, **kwargs):
            BaseFilterSet.__init__(self, *args, **kwargs)

        def get_form_class(self):
            return BaseFilterSet.get_form_class(self)

    Stock.__name__ = filterset.__name__  # the form's class name, as django-filter builds it
    return Stock


HOSTILE = [
    "",
    "country=ZZA",
    "country=zza&status=eligible",
    "country=ABCD",
    "country=%00",
    "country=ZZA&country=ZZB",
    "status=nope",
    "status=",
    "region=mars",
    "region=africa&is_member=true",
    "is_member=maybe",
    "is_member=false&at_risk=1",
    "year=abc",
    "year=1899",
    "year=99999999999999999999999",
    "year=2020",
    "value=civic_participation",
    "value=%E2%80%AE",
    "coding=starred&status=complete",
    "policy_area=open-contracting",
    "policy_area=" + "x" * 81,
    "q=" + "y" * 101,
    "q=%F0%9F%92%A5",
    "plan=ZZ0001&q=contracts",
    "kind=national&submitted_year=1.5",
    "milestone=-1",
    "milestone=2147483648",
    "commitment=ZZ0001&status=completed",
]

FILTER_SETS = [
    api_filters.CountryFilter,
    api_filters.StatusChangeFilter,
    api_filters.ReleaseFilter,
    api_filters.CycleFilter,
    api_filters.ResultFilter,
    api_filters.LetterFilter,
    api_filters.ForumFilter,
    api_filters.MeetingFilter,
    api_filters.EventFilter,
    api_filters.OrganisationFilter,
    plan_filters.ActionPlanFilter,
    plan_filters.CommitmentFilter,
    plan_filters.MilestoneFilter,
    plan_filters.ProgressUpdateFilter,
    plan_filters.IRMReportFilter,
    plan_filters.CoCreationPlanFilter,
    monitoring_views.SelfAssessmentFilter,
]


def _outcome(filterset_class: type, query: str) -> tuple:
    data = QueryDict(query)
    found = filterset_class(data, filterset_class._meta.model._default_manager.all())
    valid = found.is_valid()
    errors = {name: list(messages) for name, messages in found.errors.items()}
    sql = str(found.qs.query) if valid else ""
    return valid, errors, sql, found.form.cleaned_data if valid else None


@pytest.mark.parametrize("filterset_class", FILTER_SETS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_same_validation_errors_and_query_as_django_filters(
    filterset_class, language, country, settings
):
    from django.utils import translation

    reference = stock(filterset_class)
    with translation.override(language):
        for query in HOSTILE * 2:  # twice: the shared form fields keep nothing of a request
            assert _outcome(filterset_class, query) == _outcome(reference, query), query


def test_every_filter_set_of_the_api_copies_cheaply():
    assert all(issubclass(c, api_filters.ApiFilterSet) for c in FILTER_SETS)


def test_copies_point_to_their_own_filter_set_and_leave_the_declared_ones_alone():
    first = api_filters.ResultFilter(QueryDict("status=eligible"))
    second = api_filters.ResultFilter(QueryDict("status=nope"))
    for name, declared in api_filters.ResultFilter.base_filters.items():
        assert first.filters[name] is not declared and second.filters[name] is not declared
        assert first.filters[name].parent is first and second.filters[name].parent is second
        assert not hasattr(declared, "parent")
    assert first.is_valid() and not second.is_valid()
    assert first.form.fields is not second.form.fields  # each form its own dict of fields


def test_a_method_filter_calls_its_own_filter_set():
    class WithMethod(api_filters.ApiFilterSet):
        word = django_filters.CharFilter(method="by_word")

        class Meta:
            model = Country
            fields: list[str] = []

        def by_word(self, queryset, name, value):
            self.seen = value
            return queryset.filter(iso3=value)

    first, second = WithMethod(QueryDict("word=ZZA")), WithMethod(QueryDict("word=ZZB"))
    assert "ZZA" in str(first.qs.query) and "ZZB" in str(second.qs.query)
    assert first.seen == "ZZA" and second.seen == "ZZB"


def _get(url, **headers):
    response = Client().get(url, **headers)
    assert response.status_code < 500, response.content
    return response.status_code, response.content, response.get("Content-Language")


@pytest.mark.parametrize("seconds", [0, 300])  # with and without the stored rows
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_commitment_pages_and_errors_are_django_filters(
    plans_data, settings, monkeypatch, language, seconds
):
    settings.OGP_LEAN_CACHE_SECONDS = seconds
    cache.clear()
    queries = [*HOSTILE, "page_size=1", "ordering=-title&country=ZZA", "page_size=abc"]
    ours = [_get(f"/api/v1/commitments/?{q}", HTTP_ACCEPT_LANGUAGE=language) for q in queries]
    monkeypatch.setattr(CommitmentViewSet, "filterset_class", stock(plan_filters.CommitmentFilter))
    cache.clear()
    theirs = [_get(f"/api/v1/commitments/?{q}", HTTP_ACCEPT_LANGUAGE=language) for q in queries]
    assert ours == theirs
    assert {status for status, _body, _lang in ours} == {200, 400}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_result_pages_and_errors_are_django_filters(
    published_cycle, settings, monkeypatch, language
):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    queries = [*HOSTILE, "page_size=1", "ordering=-total", "status=eligible&ordering=-total"]
    url = "/api/v1/cycles/2023/results/?lang={lang}&{query}"
    ours = [_get(url.format(lang=language, query=q)) for q in queries]
    monkeypatch.setattr(CycleResultViewSet, "filterset_class", stock(api_filters.ResultFilter))
    cache.clear()  # a published cycle's pages are stored: read them again
    theirs = [_get(url.format(lang=language, query=q)) for q in queries]
    assert ours == theirs
    assert {status for status, _body, _lang in ours} == {200, 400}
