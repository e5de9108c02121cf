"""Issue 10 (eligibility that answers for real countries) and issue 8 finding 11 (importers):
RTI Rating and Global Data Barometer imports, the bugs fixed, and pages that explain."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ogp.core.errors import ServiceError
from ogp.countries.models import Country, MembershipStatus, MembershipStatusChange
from ogp.eligibility import compute, selectors, services
from ogp.eligibility.domain.model import CountryResult as Res
from ogp.eligibility.models import (
    CountryResult,
    Cycle,
    CycleState,
    DatasetKind,
    DatasetRelease,
    Observation,
    ResearchEntry,
)

pytestmark = pytest.mark.django_db
FIX = Path(__file__).resolve().parent / "fixtures"


def counts():
    return (
        DatasetRelease.objects.count(),
        Observation.objects.count(),
        ResearchEntry.objects.count(),
    )


def res(cycle, iso3):
    return Res.from_dict(CountryResult.objects.get(cycle=cycle, country__iso3=iso3).data)


def open_compute(year, user=None, **kw):
    cycle = services.cycle_open(acting_user=user, year=year, **kw)
    return services.cycle_compute(acting_user=user, cycle=cycle)


@pytest.fixture
def law_sources(imported, staff_user):
    out = {}
    for name in ("rti_small.csv", "gdb_small.csv"):
        release, created = services.release_import(
            acting_user=staff_user,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2022, 6, 1),
        )
        assert created
        out[release.kind] = release
    return out


# ---------------------------------------------------------------- importers


def test_rti_and_gdb_import_with_provenance_and_reimport_changes_nothing(law_sources, staff_user):
    rti, gdb = law_sources[DatasetKind.RTI], law_sources[DatasetKind.GDB]
    assert rti.publisher.startswith("Access Info Europe") and len(rti.checksum) == 64
    assert (rti.rows, gdb.rows, gdb.year_min, gdb.year_max) == (4, 3, 2019, 2021)
    # Tanzania and Kosovo are not in this test registry: reported and skipped
    assert [u["code"] for u in rti.unmatched] == ["TZA", "XKX"]
    before = counts()
    for name in ("rti_small.csv", "gdb_small.csv"):
        _r, created = services.release_import(
            acting_user=staff_user, data=(FIX / name).read_bytes(), file_name=name
        )
        assert not created
    assert counts() == before


BAD = [
    ("rti_small.csv", b",has_rti_law", b",law", "rti_small.csv, line 1, column has_rti_law"),
    ("rti_small.csv", b",2022,1\n", b",2022,2\n", "rti_small.csv, line 2, column has_rti_law"),
    ("rti_small.csv", b"TZA,60.0", b"NAM,60.0", "rti_small.csv, line 4, column country_code"),
    ("gdb_small.csv", b",iad_exist", b",iad", "gdb_small.csv, line 1, column iad_exist"),
    ("gdb_small.csv", b",Partially,", b",Some,", "gdb_small.csv, line 2, column iad_publication"),
    ("gdb_small.csv", b"TZA,Tanzania", b"NAM,Tanzania", "gdb_small.csv, line 4, column iso3"),
]


@pytest.mark.parametrize(("name", "old", "new", "where"), BAD)
def test_bad_rti_and_gdb_files_write_nothing(imported, staff_user, name, old, new, where):
    data = (FIX / name).read_bytes().replace(old, new, 1)
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name=name)
    assert where in exc.value.messages[0]
    assert counts() == before


def test_duplicate_and_unknown_code_messages(imported, staff_user):
    data = (FIX / "gdb_small.csv").read_bytes().replace(b"TZA,Tanzania", b"NAM,Tanzania")
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name="gdb.csv")
    assert exc.value.messages[0] == (
        "gdb.csv, line 4, column iso3: NAM is listed twice (first at line 2)."
    )


@pytest.mark.parametrize("name", ["rti_small.csv", "gdb_small.csv", "research_small.csv"])
def test_empty_file_same_words_on_the_command_line_and_the_web(
    imported, staff_user, client, tmp_path, name
):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(CommandError) as exc:
        call_command("eligibility_import", str(path), stdout=io.StringIO())
    assert str(exc.value) == f"{name}: the file is empty."
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff_user)
    response = client.post(
        reverse("eligibility:release-import"),
        {"file": SimpleUploadedFile(name, b"", content_type="text/csv")},
    )
    assert f"{name}: the file is empty." in response.content.decode()


def test_same_data_with_bom_and_crlf_is_the_same_release(imported, staff_user):
    data = (FIX / "rti_small.csv").read_bytes()
    first, created = services.release_import(acting_user=staff_user, data=data, file_name="rti.csv")
    assert created and first.content_checksum
    before = counts()
    for variant in (b"\xef\xbb\xbf" + data, data.replace(b"\n", b"\r\n")):
        again, created = services.release_import(
            acting_user=staff_user, data=variant, file_name="rti (copy).csv"
        )
        assert not created and again == first
    assert counts() == before


def test_research_csv_refuses_dates_that_do_not_exist(imported, staff_user):
    data = (FIX / "research_small.csv").read_bytes().replace(b"2022-06-01", b"2020-13-45")
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name="r.csv")
    assert "r.csv, line 2, column adopted_on" in exc.value.messages[0]
    assert counts() == before


def test_vdem_file_with_one_unknown_unit_imports_and_reports_it(imported, staff_user):
    data = (FIX / "vdem_small.csv").read_bytes()
    lines = data.split(b"\n")
    lines.insert(2, lines[1].replace(b"NAM", b"QQQ").replace(b",2022,", b",2020,"))
    release, created = services.release_import(
        acting_user=staff_user, data=b"\n".join(lines), file_name="vdem_odd.csv"
    )
    assert created
    assert {"code": "QQQ", "why": "unknown_code"}.items() <= next(
        u for u in release.unmatched if u["code"] == "QQQ"
    ).items()
    out = io.StringIO()
    call_command("eligibility_import", str(FIX / "vdem_small.csv"), stdout=out)
    assert "already imported" in out.getvalue()


# ---------------------------------------------------------------- points from the sources


def test_sources_score_access_to_information_and_asset_disclosure(law_sources, country):
    ResearchEntry.objects.all().delete()  # nothing entered by hand
    cycle = open_compute(2024)
    nam = res(cycle, "NAM")
    ati, ad = nam.criterion("access_to_information"), nam.criterion("asset_disclosure")
    assert (ati.points, ati.source.dataset, ati.source.year) == (4, "rti", 2022)
    assert (ad.points, ad.raw) == (2, "law")  # "Partially" does not count by default
    z = res(cycle, "ZZA")
    assert z.criterion("access_to_information").missing == "no_research"
    assert z.criterion("asset_disclosure").points == 0  # the Barometer says: no law
    # before Namibia's 2022 law: research decides; a 2019 snapshot says nothing for 2018
    c2019 = open_compute(2019)
    nam = res(c2019, "NAM")
    assert nam.criterion("access_to_information").missing == "no_research"
    assert nam.criterion("asset_disclosure").missing == "not_covered"


def test_research_entry_overrides_the_source_and_says_so(law_sources, country, client):
    cycle = open_compute(2024)  # research_small: NAM ATI law (2022), ZZA ATI draft
    nam = res(cycle, "NAM")
    assert nam.criterion("access_to_information").replaces == "rti"
    assert nam.criterion("access_to_information").source.dataset == "research"
    services.cycle_publish(acting_user=None, cycle=cycle)
    html = client.get(reverse("eligibility:country", args=["NAM"])).content.decode()
    assert "Research entry used instead of the Global Right to Information Rating" in html


# ---------------------------------------------------------------- bugs


def test_a_later_correction_keeps_the_entry_in_earlier_cycles(imported, staff_user, namibia):
    law = ResearchEntry.objects.get(country=namibia, criterion="access_to_information")
    law.year = 2014
    law.save()
    services.research_entry_record(
        acting_user=staff_user,
        country=namibia,
        criterion="access_to_information",
        year=2020,
        provision="none",
        public_access=False,
        name="Law repealed",
        adopted_on="2020-03",
        source_url="https://example.org/repeal",
        corrects=law,
    )
    in_2016 = {e.pk for e in compute.current_research_entries(2016)}
    assert law.pk in in_2016  # today: dropped, whatever the correction's date
    in_2021 = compute.current_research_entries(2021)
    assert law.pk not in {e.pk for e in in_2021}
    assert any(e.name == "Law repealed" for e in in_2021)


def test_review_needs_two_consecutive_annual_cycles_not_a_gap(imported, zedland_member):
    """2016 published (below the minimum), 2017-2022 absent: 2023 below is "at risk" only."""
    old = services.cycle_open(acting_user=None, year=2016)
    Cycle.objects.filter(pk=old.pk).update(state=CycleState.PUBLISHED)
    CountryResult.objects.create(
        cycle=old,
        country=zedland_member,
        status="not_eligible",
        total=3,
        maximum=12,
        is_member=True,
        data={
            "iso3": "ZZA",
            "is_member": True,
            "criteria": [],
            "total": 3,
            "maximum": 12,
            "assessed": 3,
            "status": "not_eligible",
            "values_check": None,
        },
    )
    c2023 = services.cycle_publish(acting_user=None, cycle=open_compute(2023))
    z = res(c2023, "ZZA")
    assert z.status == "not_eligible" and z.at_risk and not z.eligibility_review
    c2024 = services.cycle_publish(acting_user=None, cycle=open_compute(2024))
    assert res(c2024, "ZZA").eligibility_review  # 2023 and 2024: consecutive


def test_membership_history_by_form_and_csv_is_used_on_the_review_date(
    imported, staff_user, client, namibia
):
    Country.objects.filter(pk=namibia.pk).update(membership_status=MembershipStatus.ACTIVE)
    client.force_login(staff_user)
    url = reverse("eligibility:membership-history")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "record": "1",
            "country": "NAM",
            "status": "active",
            "effective_date": "2011-09-20",
            "source": "https://www.opengovpartnership.org/members/",
        },
    )
    assert response.status_code == 302
    change = MembershipStatusChange.objects.get(country=namibia)
    assert change.source.startswith("https://") and change.effective_date.year == 2011
    c2014 = open_compute(2014)
    assert res(c2014, "NAM").is_member
    # CSV: newest row agrees with the present, older rows slot in before it
    from django.core.files.uploadedfile import SimpleUploadedFile

    Country.objects.filter(iso3="ZZA").update(membership_status=MembershipStatus.WITHDRAWN)
    data = (
        b"iso3,status,effective_date,source,reason\n"
        b"ZZA,active,2012-04-17,https://example.org/zza,joined\n"
        b"ZZA,withdrawn,2015-01-10,https://example.org/zza-out,left\n"
        b"QQQ,active,2012-01-01,https://example.org/q,\n"
    )
    response = client.post(
        url, {"upload": "1", "file": SimpleUploadedFile("h.csv", data, content_type="text/csv")}
    )
    assert response.status_code == 200 and "QQQ" in response.content.decode()
    history = list(
        MembershipStatusChange.objects.filter(country__iso3="ZZA").order_by("effective_date")
    )
    assert [(h.from_status, h.to_status) for h in history] == [
        ("not_assessed", "active"),
        ("active", "withdrawn"),
    ]
    assert res(open_compute(2013), "ZZA").is_member
    assert not res(open_compute(2016), "ZZA").is_member
    bad = data.replace(b"2015-01-10", b"2015-02-30")
    response = client.post(
        url, {"upload": "1", "file": SimpleUploadedFile("h.csv", bad, content_type="text/csv")}
    )
    assert "h.csv, line 3, column effective_date" in response.content.decode()


def test_published_cycle_reproduces_after_admin_edits_and_shows_recorded_names(
    imported, namibia, country, client
):
    cycle = services.cycle_publish(acting_user=None, cycle=open_compute(2023))
    checksum = cycle.checksum
    # admin edits: a status history entry before the review date, the UN flag, names
    MembershipStatusChange.objects.create(
        country=namibia,
        from_status="not_assessed",
        to_status="active",
        effective_date=datetime.date(2020, 1, 1),
        reason="admin edit",
    )
    Country.objects.filter(pk=country.pk).update(un_member=False)
    Country.objects.filter(pk=namibia.pk).update(name_en="Renamed", name_es="Renombrada")
    cycle.refresh_from_db()
    assert services.cycle_recompute_checksum(cycle) == checksum
    names = {r["iso3"]: r["name_en"] for r in selectors.scoresheet_rows(cycle)}
    assert names["NAM"] == "Namibia" and "ZZA" in names
    html = client.get(reverse("eligibility:scoresheet", args=[2023])).content.decode()
    assert "Namibia" in html and "Renamed" not in html


# ---------------------------------------------------------------- pages


def test_country_page_any_cycle_provenance_and_no_percentage_without_data(
    law_sources, country, client
):
    for year in (2019, 2024):
        services.cycle_publish(acting_user=None, cycle=open_compute(year))
    url = reverse("eligibility:country", args=["NAM"])
    html = client.get(url).content.decode()
    assert "Result in the 2024 cycle" in html
    obs = DatasetRelease.objects.get(kind=DatasetKind.OBS)
    assert obs.checksum in html and "obs_small.csv" in html
    assert 'name="cycle"' in html
    html = client.get(url + "?cycle=2019").content.decode()
    assert "Result in the 2019 cycle" in html
    # 2019 for Namibia: the law is of 2022 and the GDB snapshot applies from 2019 data
    assert "Not enough data" in html
    assert "no research entry" in html and "no source covers it" in html
    assert "%" not in html.split("Result in the 2019 cycle")[1].split("</dl>")[0]
    sheet = client.get(reverse("eligibility:scoresheet", args=[2024])).content.decode()
    assert url + "?cycle=2024" in sheet
    for hostile in ("abcd", "²०१६", "99999999999999999999", "2016%0A"):
        response = client.get(url + "?cycle=" + hostile)
        assert response.status_code == 200  # falls back to the newest
        assert "Result in the 2024 cycle" in response.content.decode()


def test_pathway_never_asks_for_a_law_the_country_has(law_sources, country):
    cycle = services.cycle_publish(acting_user=None, cycle=open_compute(2024))
    row = CountryResult.objects.get(cycle=cycle, country__iso3="NAM")
    from ogp.eligibility.domain.pathway import pathway
    from ogp.eligibility.labels import pathway_sentences

    r = Res.from_dict(row.data)
    steps = " ".join(pathway_sentences(pathway(r, cycle.ruleset.rules)))
    assert "Adopt an asset disclosure law" not in steps


def test_shipped_rule_sets_unused_by_cycles_take_the_new_definition(rulesets):
    from ogp.eligibility.models import RuleSetVersion

    old = RuleSetVersion.objects.get(code="ogp-2023")
    stale = dict(old.definition)
    stale["criteria"] = [{k: v for k, v in c.items() if k != "source"} for c in stale["criteria"]]
    RuleSetVersion.objects.filter(pk=old.pk).update(definition=stale)
    used = RuleSetVersion.objects.get(code="ogp-2014")
    RuleSetVersion.objects.filter(pk=used.pk).update(definition={**used.definition, "notes": "x"})
    services.cycle_open(acting_user=None, year=2015)  # a cycle uses ogp-2014
    assert services.ruleset_seed_shipped() == 0
    assert RuleSetVersion.objects.get(pk=old.pk).rules.criterion("asset_disclosure").source
    assert RuleSetVersion.objects.get(pk=used.pk).definition["notes"] == "x"  # never changes
