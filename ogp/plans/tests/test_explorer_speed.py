"""What keeps built explorer and commitment pages cheap at 100x OGP's sheet: the long columns
they do not show are not loaded (and the pages still show what they showed), and every filter
and sort of the explorer on the commitment table can be read from an index (PostgreSQL)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from ogp.plans import selectors
from ogp.plans.selectors import ExplorerFilters

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_explorer_rows_leave_out_the_long_columns(country):
    CommitmentFactory(plan__country=country, source_row={"col": "x" * 1000}, irm_coding={"a": 1})
    row = selectors.explorer_page_list(ExplorerFilters())[0]
    assert {"source_row", "irm_facts", "ogp_flags", "full_text", "irm_coding"} <= set(
        row.get_deferred_fields()
    )
    assert {"identifier", "title", "short_title", "completion", "starred", "is_demo"}.isdisjoint(
        row.get_deferred_fields()
    )


def test_api_list_shares_the_list_selector(country):
    from ogp.api import plan_selectors as api_selectors

    CommitmentFactory(plan__country=country)
    row = api_selectors.commitment_rows(api_selectors.commitments(ExplorerFilters()))[0]
    assert set(selectors.LIST_DEFERRED) <= set(row.get_deferred_fields())
    assert "irm_coding" not in row.get_deferred_fields()  # the API's list shows the coding


def test_explorer_page_shows_the_table_columns(client, country):
    CommitmentFactory(
        plan__country=country, identifier="ZZ0042", title="Open budgets", short_title="",
        completion="complete", starred=True, is_demo=True, source_row={"x": "hidden"},
    )  # fmt: skip
    cache.clear()
    page = client.get(reverse("plans:explorer"), {"status": "complete"}).content.decode()
    assert "ZZ0042" in page and "Open budgets" in page and "Zedland" in page
    assert "2022–2024" in page and "badge-demo" in page and "1 commitment matches" in page


def test_commitment_page_still_shows_its_texts(client, country):
    commitment = CommitmentFactory(
        plan__country=country, problem="Budgets are PDFs.", full_text="All of it.",
        tags_unknown=["Gender"], source_row={"col": "not shown"}, irm_facts={"x": 1},
    )  # fmt: skip
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Budgets are PDFs." in page and "All of it." in page and "Gender" in page
    loaded = selectors.commitment_get(commitment.identifier)
    assert {"source_row", "irm_facts", "ogp_flags"} <= loaded.get_deferred_fields()


def _plan(queryset) -> str:  # type: ignore[no-untyped-def]
    """EXPLAIN with sequential scans and sorts switched off: shows whether an index can serve."""
    switches = ["enable_seqscan", "enable_sort", "enable_incremental_sort"]
    with connection.cursor() as cursor:
        for switch in switches:
            cursor.execute(f"SET LOCAL {switch} = off")
        text = queryset.explain()
        for switch in switches:
            cursor.execute(f"RESET {switch}")
    return str(text)


@pytest.mark.parametrize(
    "filters,index",
    [
        (ExplorerFilters(), "plans_commitment_identifier"),
        (ExplorerFilters(status="complete"), "commitment_completion_ident"),
        (ExplorerFilters(coding="starred"), "commitment_starred_ident"),
        (ExplorerFilters(coding="strong_early_results"), "commitment_strong_ident"),
        (ExplorerFilters(coding="high_completion"), "plans_commi_high_co"),
        (ExplorerFilters(sort="title"), "commitment_title_ident"),
    ],
    ids=["first page", "status", "starred", "strong early results", "high completion", "title"],
)
def test_explorer_page_reads_an_index(country, filters, index):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN index checks run on PostgreSQL")
    CommitmentFactory(plan__country=country)
    text = _plan(selectors.explorer_page_list(filters)[:50])
    assert index in text, text
    assert "Sort" not in text.split("->")[0], text


@pytest.mark.parametrize("data", [None, {"country": "ZZA", "policy_area": "x"}, {"country": "<"}])
def test_list_select_writes_what_the_template_writes(data):
    from django import forms as django_forms

    from ogp.plans.forms import ExplorerForm

    facets = {"countries": [("ZZA", "Zédie & <co>"), ("ABC", "Abc")], "policy_areas": [("x", "X")]}
    form = ExplorerForm(data, facets=facets)
    if data:
        form.is_valid()
    for name in ("country", "policy_area"):
        bound = form[name]
        fast = str(bound)
        bound.field.widget = django_forms.Select(choices=bound.field.choices)
        slow = str(form[name])
        assert "<option" in fast
        assert fast == slow
