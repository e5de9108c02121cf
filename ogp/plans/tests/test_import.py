"""Importer of OGP's commitments & IRM data sheet, on fixtures written for the tests."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.organisations.tests.factories import OrganisationFactory
from ogp.plans.importing.sheet import ALL_COLUMNS, FAMILIES
from ogp.plans.models import ActionPlan, Commitment, Locality, SheetImport
from ogp.plans.services import sheet_import

from .sheets import HEADER, row, sheet

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "fixtures" / "commitments_sample.csv"


@pytest.fixture
def places(country, other_country):
    return country, other_country


def run(data, name="sheet.csv", user=None):
    return sheet_import(acting_user=user, data=data, file_name=name)


def errors_of(data, name="sheet.csv"):
    with pytest.raises(ServiceError) as info:
        run(data, name)
    return info.value.messages


def test_every_column_belongs_to_one_family():
    assert len(ALL_COLUMNS) == 171 == len(set(ALL_COLUMNS)) == len(HEADER)
    assert set(ALL_COLUMNS) == set(HEADER)
    assert sum(len(cols) for cols in FAMILIES.values()) == 171


def test_sample_import_counts_and_refusals(places, staff_user):
    record = run(SAMPLE.read_bytes(), SAMPLE.name, staff_user)
    assert (record.rows, record.plans_created, record.commitments_created) == (5, 3, 4)
    assert record.rows_refused == 1
    refusal = record.report["refused"][0]
    assert refusal["line"] == 10 and refusal["column"] == "Code" and refusal["value"] == "QQQ"
    assert "QQQ" in refusal["reason"]
    assert not Commitment.objects.filter(identifier="QQ0001").exists()
    assert record.countries == 3
    assert AuditEvent.objects.filter(action=AuditAction.SHEET_IMPORT).count() == 1


def test_identity_plan_and_text_columns(places):
    run(SAMPLE.read_bytes())
    c = Commitment.objects.select_related("plan__country").get(identifier="ZZ0001")
    assert c.plan.ogp_id == "AP_ZZA01" and c.plan.country.iso3 == "ZZA"
    assert (c.plan.submitted_year, c.plan.end_year, c.plan.duration_years) == (2016, 2018, 2)
    assert c.source == "ogp_sheet" and c.source_row_id == "9001" and c.source_line == 2
    assert c.source_url == "https://opengovpartnership.org/members/zedland/commitments/zz0001"
    assert c.title == "Open budget data portal" and c.short_title == "Budget portal"
    assert "second paragraph" in c.full_text
    assert len(c.source_row) == 171
    assert Commitment.objects.get(identifier="ZZ0002").number == "2.3"


def test_month_day_year_and_loose_dates(places):
    record = run(SAMPLE.read_bytes())
    c1 = Commitment.objects.get(identifier="ZZ0001")
    assert (str(c1.start_date), str(c1.end_date), c1.start_precision) == (
        "2016-09-01", "2018-06-30", "day",
    )  # fmt: skip
    c2 = Commitment.objects.get(identifier="ZZ0002")
    assert (str(c2.start_date), c2.start_precision, c2.start_text) == (
        "2016-07-01", "month", "July 2016",
    )  # fmt: skip
    assert (str(c2.end_date), c2.end_precision) == ("2017-12-31", "quarter")
    yp = Commitment.objects.get(identifier="YP0001")
    assert (str(yp.start_date), yp.start_precision) == ("2013-01-01", "year")
    assert str(yp.end_date) == "2015-12-31"
    assert {"line": 8, "column": "End Date", "value": "31/12/2015",
            "note": "read as day/month/year"} in record.report["notes"]  # fmt: skip


def test_locality_matched_to_its_country(places):
    run(SAMPLE.read_bytes())
    locality = Locality.objects.get(code="ZZCA")
    assert locality.name == "Capital City" and locality.country.iso3 == "ZZA"
    plan = ActionPlan.objects.get(ogp_id="AP_ZZCA01")
    assert plan.locality == locality and plan.country.iso3 == "ZZA"


def test_unknown_locality_parent_refused(places):
    data = sheet(row(**{"Code": "QQCA", "Action Plan ID": "AP_QQCA01"}))
    record = run(data)
    assert record.rows_refused == 1 and record.report["refused"][0]["line"] == 2


def test_tags_and_no_data_tags(places):
    run(SAMPLE.read_bytes())
    c = Commitment.objects.get(identifier="ZZ0001")
    assert sorted(a.code for a in c.policy_areas.all()) == ["fiscal-openness", "open-data"]
    assert c.tags_unknown == {"Digital Participation": "ND"}


def test_policy_areas_are_named_in_three_languages(places):
    from django.utils import translation

    from ogp.plans.importing.columns import TAGS, policy_area_names
    from ogp.plans.models import PolicyArea

    assert set(policy_area_names()) == set(TAGS)  # every tag column has its names
    PolicyArea.objects.create(code="open-data", name_en="Open Data", sheet_column="Open Data")
    run(SAMPLE.read_bytes())
    area = PolicyArea.objects.get(code="open-data")  # named before: the blanks are filled
    assert (area.name_fr, area.name_es) == ("Données ouvertes", "Datos abiertos")
    with translation.override("es"):
        assert PolicyArea.objects.get(code="fiscal-openness").name == "Apertura fiscal"


def test_institutions_and_civil_society_co_owner(places):
    country, _other = places
    cso = OrganisationFactory(name="Zedland Budget Watch", kind="civil_society", country=country)
    run(SAMPLE.read_bytes())
    c = Commitment.objects.get(identifier="ZZ0001")
    lead = c.institutions.get(role="lead")
    assert lead.name == "Ministry of Finance" and lead.organisation is None
    supporting = list(c.institutions.filter(role="supporting"))
    assert [i.name for i in supporting] == ["Zedland Budget Watch", "Statistics Office"]
    assert supporting[0].organisation == cso and supporting[0].is_civil_society
    assert not Commitment.objects.get(identifier="YP0001").institutions.exists()


def test_legacy_coding_nd_and_nr_distinct(places):
    run(SAMPLE.read_bytes())
    c = Commitment.objects.get(identifier="ZZ0001")
    assert c.coding_scale.code == "irm-legacy-2015"
    coding = c.irm_coding
    assert coding["design.specificity"] == {
        "state": "value", "level": "high", "text": "High", "code": "3",
    }  # fmt: skip
    assert coding["end_of_term.early_results"]["state"] == "nr"
    assert coding["end_of_term.diog_public_accountability"]["state"] == "nd"
    assert coding["end_of_term.diog_civic_participation"]["level"] == "not_applicable"
    assert c.value_access_to_information is True and c.value_civic_participation is False
    assert c.value_public_accountability is None and c.value_technology is None
    assert c.irm_facts["Cluster"] == {"state": "nr", "raw": "NR"}
    assert c.ogp_flags["Binding constraint"] == "FALSE"
    # derived under the 2015 formula: transformative, high specificity, substantial at the end
    assert (c.completion, c.high_completion, c.starred, c.strong_early_results) == (
        "substantial", True, True, True,
    )  # fmt: skip


def test_legacy_2012_formula_and_unknown_specificity(places):
    run(SAMPLE.read_bytes())
    c = Commitment.objects.get(identifier="YP0001")
    assert c.coding_scale.code == "irm-legacy-2012"
    assert c.starred is None  # specificity ND: cannot say
    assert c.high_completion is True


def test_midterm_completion_when_end_of_term_not_reviewed(places):
    run(SAMPLE.read_bytes())
    c = Commitment.objects.get(identifier="ZZ0002")
    assert c.irm_coding["end_of_term.completion"]["state"] == "nr"
    assert c.completion == "substantial" and c.starred is False  # moderate impact after 2015


def test_current_scale(places):
    run(SAMPLE.read_bytes())
    c = Commitment.objects.get(identifier="ZZC0001")
    assert c.coding_scale.code == "irm-2020"
    assert c.irm_coding["design.potential_for_results"]["level"] == "substantial"
    assert (c.completion, c.starred, c.strong_early_results) == ("complete", False, True)


def test_idempotent(places):
    run(SAMPLE.read_bytes())
    events = AuditEvent.objects.count()
    again = run(SAMPLE.read_bytes())
    assert (again.plans_created, again.commitments_created, again.commitments_updated) == (0, 0, 0)
    assert again.commitments_unchanged == 4
    assert Commitment.objects.count() == 4
    assert AuditEvent.objects.count() == events + 1  # only the import itself


def test_changed_row_updates_and_is_audited(places, staff_user):
    run(sheet(row()))
    changed = run(
        sheet(row(**{"Completion (End Of Term)": "Complete", "_CompletionEndTerm": "5"})),
        user=staff_user,
    )
    assert changed.commitments_updated == 1
    c = Commitment.objects.get(identifier="ZZ0001")
    assert c.completion == "complete"
    event = AuditEvent.objects.get(action=AuditAction.COMMITMENT_SHEET_UPDATE)
    assert event.actor == staff_user
    assert event.before["completion"] == "substantial" and event.after["completion"] == "complete"
    assert "line 2" in event.note


def test_bad_date_names_file_line_column_and_writes_nothing(places):
    data = sheet(
        row(), row(**{"Commitment Unique Identifier": "ZZ0009", "Start Date": "2/30/2020"})
    )
    messages = errors_of(data, "mine.csv")
    assert messages == [
        "mine.csv, line 4, column 'Start Date': '2/30/2020' is not a real date "
        "(month/day/year expected)"
    ]
    assert not Commitment.objects.exists() and not ActionPlan.objects.exists()
    assert not SheetImport.objects.exists()


def test_duplicate_identifier(places):
    messages = errors_of(sheet(row(), row()))
    assert messages == [
        "sheet.csv, line 4, column 'Commitment Unique Identifier': ZZ0001 is already on line 2"
    ]


def test_truncated_file(places):
    data = sheet(row(), row(**{"Commitment Unique Identifier": "ZZ0002"}))
    cut = data[: len(data) - 400]
    messages = errors_of(cut)
    assert len(messages) == 1 and "line 4" in messages[0] and "truncated" in messages[0]
    assert not Commitment.objects.exists()


def test_unterminated_quote(places):
    data = sheet(row()) + b'ZZ0002,"Zedland\n'
    messages = errors_of(data)
    assert "line 4" in messages[0]


def test_missing_column(places):
    header = [c for c in HEADER if c != "Completion (End Of Term)"]
    messages = errors_of(sheet(row(), header=header))
    assert messages == [
        "sheet.csv, line 1, column 'Completion (End Of Term)': "
        "this column is missing from the header"
    ]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [("Specificity", "Huge", "'Huge' is not a level of 'specificity' on any IRM scale"),
     ("Open Data", "yes", "'yes': a tag is 1, 0, ND or NA"),
     ("Year Of Submission", "twenty", "'twenty' is not a whole number"),
     ("Commitment Unique Identifier", "al-2", "'al-2' is not an OGP identifier"),
     ("Action Plan ID", "plan one", "'plan one' is not an action plan identifier"),
     ("URL", "http://example.org", "is not an https address")],
)  # fmt: skip
def test_bad_values(places, column, value, reason):
    messages = errors_of(sheet(row(**{column: value})))
    assert any(f"line 2, column {column!r}" in m and reason in m for m in messages), messages
    assert not Commitment.objects.exists()


def test_plan_rows_must_agree(places):
    data = sheet(
        row(), row(**{"Commitment Unique Identifier": "ZZ0002", "Year Of Submission": "2017"})
    )
    messages = errors_of(data)
    assert "line 4, column 'Year Of Submission'" in messages[0]


def test_empty_and_non_utf8(places):
    assert "empty" in errors_of(b"")[0]
    assert "not UTF-8" in errors_of("Commitment;é".encode("latin-1"))[0]


def test_management_command(places, capsys):
    call_command("import_ogp_commitments", str(SAMPLE))
    out = capsys.readouterr().out
    assert "4 commitments created" in out and "refused line 10" in out
    bad = SAMPLE.parent / "does-not-exist.csv"
    with pytest.raises(CommandError):
        call_command("import_ogp_commitments", str(bad))


def test_migration_names_areas_imported_before(db):  # type: ignore[no-untyped-def]
    import importlib

    from django.apps import apps

    from ogp.plans.models import PolicyArea

    PolicyArea.objects.create(code="tax", name_en="Tax", sheet_column="Tax")
    PolicyArea.objects.create(
        code="gender", name_en="Gender", name_fr="Genre (revu)", sheet_column="Gender"
    )
    migration = importlib.import_module("ogp.plans.migrations.0005_policy_area_names")
    migration.name_areas(apps, None)
    assert PolicyArea.objects.get(code="tax").name_es == "Impuestos"
    assert PolicyArea.objects.get(code="gender").name_fr == "Genre (revu)"  # kept
