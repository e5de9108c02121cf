"""A commitment's policy-area links keep its identifier (CommitmentPolicyArea.identifier, read
by the explorer's and the API's policy-area filter in identifier order from one index): set by
every way a link is written, followed when the identifier changes, filled by the migration."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ogp.plans.models import Commitment, CommitmentPolicyArea, PolicyArea
from ogp.plans.selectors import ExplorerFilters, commitment_search
from ogp.plans.services import sheet_import

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "fixtures" / "commitments_sample.csv"


@pytest.fixture
def areas():
    return [
        PolicyArea.objects.create(code=code, name_en=code.title())
        for code in ("open-data", "audits")
    ]


def _links():
    return sorted(CommitmentPolicyArea.objects.values_list("identifier", "policyarea__code"))


def test_links_made_by_add_set_and_create_keep_the_identifier(areas):
    open_data, audits = areas
    first = CommitmentFactory(identifier="QA0001")
    second = CommitmentFactory(identifier="QA0002")
    first.policy_areas.add(open_data)
    second.policy_areas.set([open_data, audits])
    CommitmentPolicyArea.objects.create(commitment=first, policyarea=audits)
    assert _links() == [
        ("QA0001", "audits"),
        ("QA0001", "open-data"),
        ("QA0002", "audits"),
        ("QA0002", "open-data"),
    ]
    # reverse side: the area adds the commitment
    third = CommitmentFactory(identifier="QA0003")
    audits.commitments.add(third)
    assert ("QA0003", "audits") in _links()


def test_links_follow_a_changed_identifier(areas):
    commitment = CommitmentFactory(identifier="QA0001")
    commitment.policy_areas.set(areas)
    commitment.identifier = "QA0099"
    commitment.save(update_fields=["identifier"])
    assert {identifier for identifier, _code in _links()} == {"QA0099"}
    loaded = Commitment.objects.get(pk=commitment.pk)  # read back, then renamed and saved
    loaded.identifier = "QA0100"
    loaded.save()
    assert {identifier for identifier, _code in _links()} == {"QA0100"}
    partial = Commitment.objects.only("id", "plan_id").get(pk=commitment.pk)
    partial.identifier = "QA0101"  # read without its identifier: the links are followed too
    partial.save()
    assert {identifier for identifier, _code in _links()} == {"QA0101"}
    with CaptureQueriesContext(connection) as queries:
        CommitmentFactory(identifier="QA0200")  # a new one: no links to follow
    assert not [q for q in queries if 'UPDATE "plans_commitment_policy_areas"' in q["sql"]]
    commitment.title = "Renamed"
    with CaptureQueriesContext(connection) as queries:
        commitment.save(update_fields=["title"])  # the identifier untouched: links not read
    assert not [q for q in queries if 'UPDATE "plans_commitment_policy_areas"' in q["sql"]]


def test_the_sheets_import_sets_them(country, other_country):
    sheet_import(acting_user=None, data=SAMPLE.read_bytes(), file_name="sheet.csv")
    links = CommitmentPolicyArea.objects.select_related("commitment")
    assert links.exists()
    assert all(link.identifier == link.commitment.identifier for link in links)
    # a second import updates the same rows (policy_areas.set on each): still kept
    sheet_import(acting_user=None, data=SAMPLE.read_bytes() + b"\n", file_name="again.csv")
    assert all(link.identifier == link.commitment.identifier for link in links.all())


def test_an_areas_commitments_are_read_in_the_links_identifier_order(areas):
    open_data, audits = areas
    for identifier in ("QA0003", "QA0001", "QA0004", "QA0002"):
        commitment = CommitmentFactory(identifier=identifier, title=f"T {5 - int(identifier[-1])}")
        commitment.policy_areas.add(open_data if identifier != "QA0004" else audits)
    found = commitment_search(ExplorerFilters(policy_area="open-data"))
    with CaptureQueriesContext(connection) as queries:
        identifiers = [c.identifier for c in found]
    assert identifiers == ["QA0001", "QA0002", "QA0003"]
    assert found.query.order_by == ("area_identifier",)  # the link's column, below
    assert (
        '"plans_commitment_policy_areas"."identifier" AS "area_identifier"' in (queries[0]["sql"])
    )
    newest = commitment_search(ExplorerFilters(policy_area="open-data", sort="-identifier"))
    assert [c.identifier for c in newest] == ["QA0003", "QA0002", "QA0001"]
    by_title = commitment_search(ExplorerFilters(policy_area="open-data", sort="title"))
    assert [c.identifier for c in by_title] == ["QA0003", "QA0002", "QA0001"]
    assert [c.identifier for c in commitment_search(ExplorerFilters(policy_area="audits"))] == [
        "QA0004"
    ]
    assert list(commitment_search(ExplorerFilters(policy_area="no-such-area"))) == []


def test_the_migration_fills_links_written_before_it(areas):
    for identifier in ("QA0001", "QA0002"):
        CommitmentFactory(identifier=identifier).policy_areas.set(areas)
    CommitmentPolicyArea.objects.update(identifier="")  # as before the column existed
    migration = importlib.import_module(
        "ogp.plans.migrations.0008_commitment_policy_area_identifier"
    )
    migration.fill_identifiers(apps, None)
    links = CommitmentPolicyArea.objects.values_list("identifier", "commitment__identifier")
    assert len(links) == 4 and all(kept == own for kept, own in links)
    assert Commitment.objects.count() == 2


def test_codes_are_read_as_ids_from_a_table_kept_per_generation(areas, country, monkeypatch):
    from ogp.countries.models import Country
    from ogp.plans import selectors

    open_data, _ = areas
    assert selectors._id_of(PolicyArea, "code", "open-data") == open_data.pk
    with CaptureQueriesContext(connection) as queries:
        assert selectors._id_of(PolicyArea, "code", "audits") == areas[1].pk
    assert len(queries) == 0  # the table of this generation
    added = PolicyArea.objects.create(code="lobbying", name_en="Lobbying")  # bumps it
    assert selectors._id_of(PolicyArea, "code", "lobbying") == added.pk
    # a row added without a signal (in bulk) is looked up; an unknown code finds none
    [bulk] = PolicyArea.objects.bulk_create([PolicyArea(code="elections", name_en="Elections")])
    assert (
        selectors._id_of(PolicyArea, "code", "elections")
        == PolicyArea.objects.get(code="elections").pk
    )
    assert selectors._id_of(PolicyArea, "code", "no-such-area") is None
    assert selectors._id_of(Country, "iso3", country.iso3) == country.pk
    # what no generation follows (a code changed in bulk) is read again after a while
    PolicyArea.objects.filter(code="audits").update(code="audit")
    assert selectors._id_of(PolicyArea, "code", "audits") == areas[1].pk  # still the table's
    monkeypatch.setattr(selectors, "KNOWN_IDS_SECONDS", 0.0)
    assert selectors._id_of(PolicyArea, "code", "audits") is None
    assert list(commitment_search(ExplorerFilters(country="QQQ"))) == []
