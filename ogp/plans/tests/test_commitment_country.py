"""A commitment keeps its plan's country (Commitment.country, read by the explorer's and the
API's country filter from one index): set by every way a commitment is written, followed when
the plan's country changes, filled by the migration for rows written before it."""

import importlib

import pytest
from django.apps import apps

from ogp.plans.models import ActionPlan, Commitment
from ogp.plans.selectors import ExplorerFilters, commitment_search
from ogp.plans.services import sheet_import

from .factories import ActionPlanFactory, CommitmentFactory
from .sheets import row, sheet

pytestmark = pytest.mark.django_db


def test_a_saved_commitment_takes_its_plans_country(country, other_country):
    commitment = CommitmentFactory(plan=ActionPlanFactory(country=country))
    assert commitment.country == country
    fresh = Commitment.objects.get(pk=commitment.pk)  # its plan not loaded: read by id
    fresh.plan_id = ActionPlanFactory(country=other_country).pk
    fresh.save(update_fields=["plan"])
    assert Commitment.objects.get(pk=commitment.pk).country_id == other_country.pk
    fresh.title = "Renamed"
    fresh.save(update_fields=["title"])  # the plan untouched: nothing else written
    assert Commitment.objects.get(pk=commitment.pk).country_id == other_country.pk


def test_the_sheets_bulk_import_sets_it(country, other_country):
    data = sheet(
        row(),
        row(**{"Commitment Unique Identifier": "ZY0001", "Code": "ZYB",
               "Action Plan ID": "AP_ZYB01", "id": "9002"}),
    )  # fmt: skip
    sheet_import(acting_user=None, data=data, file_name="sheet.csv")
    countries = dict(Commitment.objects.values_list("identifier", "country__iso3"))
    assert countries == {"ZZ0001": "ZZA", "ZY0001": "ZYB"}


def test_commitments_follow_their_plans_country(country, other_country):
    plan = ActionPlanFactory(country=country)
    first, second = CommitmentFactory(plan=plan), CommitmentFactory(plan=plan)
    other = CommitmentFactory(plan=ActionPlanFactory(country=country))
    plan.country = other_country
    plan.save()
    moved = dict(Commitment.objects.values_list("pk", "country_id"))
    assert moved == {first.pk: other_country.pk, second.pk: other_country.pk, other.pk: country.pk}
    found = commitment_search(ExplorerFilters(country="ZYB"))
    assert [c.pk for c in found] == [first.pk, second.pk]
    assert [c.pk for c in commitment_search(ExplorerFilters(country="ZZA"))] == [other.pk]


def test_the_migration_fills_rows_written_before_it(country, other_country):
    written = [
        CommitmentFactory(plan=ActionPlanFactory(country=place))
        for place in (country, other_country)
    ]
    Commitment.objects.update(country=None)  # as before the column existed
    migration = importlib.import_module("ogp.plans.migrations.0007_commitment_country")
    migration.fill_countries(apps, None)
    filled = dict(Commitment.objects.values_list("pk", "country_id"))
    assert filled == {c.pk: ActionPlan.objects.get(pk=c.plan_id).country_id for c in written}
