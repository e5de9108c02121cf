"""Integration: import the real publishers' files in ../shared/data, compute every cycle they
support, and check results traced to specific source rows."""

import datetime

import pytest

from ogp.countries.models import Country
from ogp.countries.seed import seed_countries
from ogp.eligibility import importing, seed, selectors, services
from ogp.eligibility.domain.model import CountryResult as Res
from ogp.eligibility.models import CountryResult, Cycle, DatasetKind, DatasetRelease, Observation

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]


@pytest.fixture
def imported(shared_data_dir):
    seed_countries()
    services.ruleset_seed_shipped()
    return importing.import_folder(shared_data_dir)


def result(year, iso3):
    r = CountryResult.objects.get(cycle__year=year, country__iso3=iso3)
    return Res.from_dict(r.data)


def test_import_real_files_with_provenance_and_unmatched_rows(imported, shared_data_dir):
    kinds = {r.kind: r for r, created in imported}
    assert all(created for _r, created in imported)
    assert set(kinds) == {
        DatasetKind.CROSSWALK,
        DatasetKind.OBS,
        DatasetKind.EIU,
        DatasetKind.VDEM,
        DatasetKind.RTI,
        DatasetKind.GDB,
    }
    rti, gdb = kinds[DatasetKind.RTI], kinds[DatasetKind.GDB]
    assert rti.rows == 196 and rti.year_min == 1766  # Sweden's law of 1766
    assert gdb.rows == 109 and (gdb.year_min, gdb.year_max) == (2019, 2021)
    obs = kinds[DatasetKind.OBS]
    assert (obs.rows, obs.year_min, obs.year_max, obs.unmatched) == (672, 2006, 2019, [])
    vdem = kinds[DatasetKind.VDEM]
    assert vdem.rows == 9170 and vdem.edition == "v14" and len(vdem.checksum) == 64
    names = {u["name"] for u in vdem.unmatched}
    assert {"Zanzibar", "Somaliland", "Palestine/Gaza", "German Democratic Republic"} <= names
    # Namibia's ISO-2 code "NA" is a country, not a missing value (OBS row of line 409?)
    nam = Country.objects.get(iso3="NAM")
    assert Observation.objects.filter(release=obs, country=nam).exists()
    # re-importing the same files changes nothing
    before = (DatasetRelease.objects.count(), Observation.objects.count())
    again = importing.import_folder(shared_data_dir)
    assert not any(created for _r, created in again)
    assert (DatasetRelease.objects.count(), Observation.objects.count()) == before


def test_every_supported_cycle_and_results_traced_to_source_rows(imported, shared_data_dir):
    assert seed.supported_years() == list(range(2011, 2025))
    cycles = seed.compute_and_publish()
    assert [c.year for c in cycles] == list(range(2011, 2025))
    obs_path = shared_data_dir / "ibp_obs" / "obs_public_availability_2006_2019.csv"
    lines = obs_path.read_text(encoding="utf-8").splitlines()

    # Namibia, cycle 2020: OBS survey 2019 (data year <= 2019).
    nam = result(2020, "NAM")
    ft = nam.criterion("fiscal_transparency")
    src_line = lines[ft.source.line - 1].split(",")
    assert src_line[:4] == ["Namibia", "NA", "NAM", "2019"]
    ebp, ar = src_line[5], src_line[11]
    assert ft.raw == f"ebp={ebp}; ar={ar}"
    assert ft.points == 2 * (ebp == "PW") + 2 * (ar == "PW")
    assert ft.source.year == 2019 and ft.source.dataset == "obs"

    # Citizen engagement from the EIU civil liberties score of the year before the cycle
    eiu_path = shared_data_dir / "eiu" / "eiu_democracy_index_components_2006_2022.csv"
    eiu_lines = eiu_path.read_text(encoding="utf-8").splitlines()
    ce = result(2023, "NOR").criterion("citizen_engagement")
    row = eiu_lines[ce.source.line - 1].split(",")
    assert row[1:3] == ["NOR", "2022"]
    assert float(row[-1]) == float(ce.raw) and float(row[-1]) > 7.5 and ce.points == 4

    # With the RTI Rating and the Global Data Barometer, and nothing entered by hand, most
    # countries with data get a real result (docs/eligibility.md explains the numbers).
    from collections import Counter

    statuses_2024 = Counter(
        CountryResult.objects.filter(cycle__year=2024).values_list("status", flat=True)
    )
    assert statuses_2024 == {"eligible": 92, "not_eligible": 26, "not_enough_data": 75}
    rti_path = shared_data_dir / "rti" / "rti_rating_country_data_2026-06.csv"
    rti_lines = rti_path.read_text(encoding="utf-8").splitlines()
    ati = result(2024, "NOR").criterion("access_to_information")
    row = rti_lines[ati.source.line - 1].split(",")
    assert row[0] == "NOR" and row[-1] == "1" and int(row[-2]) == ati.source.year
    assert ati.points == 4 and ati.source.dataset == "rti"
    # a law passed after the cycle's data year does not count yet: research decides
    tun = result(2011, "TUN").criterion("access_to_information")  # decree-law of 2011
    assert tun.points is None and tun.missing == "no_research"
    assert result(2012, "TUN").criterion("access_to_information").points == 4
    # Papua New Guinea: no law in the table; its constitutional guarantee needs research
    png = result(2024, "PNG").criterion("access_to_information")
    assert png.points is None and png.missing == "no_research"
    # the Barometer's 2019-2021 snapshot: from data year 2019 (cycle 2020) only
    assert result(2019, "NGA").criterion("asset_disclosure").missing == "not_covered"
    assert result(2020, "NGA").criterion("asset_disclosure").source.dataset == "gdb"

    # Values Check (2017 onwards, non-members): only V-Dem model estimates exist in the data,
    # for which no threshold is published: reported as not assessed, with the values.
    nam_2024 = result(2024, "NAM")
    assert not nam_2024.is_member
    vc = nam_2024.values_check
    assert vc.passed is None and vc.reason == "no_threshold" and vc.scale == "model"
    assert [name for name, _v in vc.values] == ["v2cseeorgs", "v2csreprss"]
    assert vc.sources[0].year == 2023 and vc.sources[0].edition == "v14"

    # A cycle before the 2017 rule set has no Values Check
    assert result(2015, "NAM").values_check is None

    # Reproducible: recomputing a published cycle gives the same checksum
    cycle = Cycle.objects.get(year=2019)
    assert services.cycle_recompute_checksum(cycle) == cycle.checksum


def test_georgia_is_a_member_in_2014_once_its_history_is_recorded(imported, staff_user):
    from ogp.countries.models import MembershipStatus

    geo = Country.objects.get(iso3="GEO")
    Country.objects.filter(pk=geo.pk).update(membership_status=MembershipStatus.ACTIVE)
    services.membership_history_record(
        acting_user=staff_user,
        country=geo,
        status=MembershipStatus.ACTIVE,
        effective_date=datetime.date(2011, 9, 20),
        source="https://www.opengovpartnership.org/members/georgia/",
    )
    cycle = services.cycle_open(acting_user=staff_user, year=2014)
    services.cycle_compute(acting_user=staff_user, cycle=cycle)
    assert result(2014, "GEO").is_member
    geo_row = next(r for r in selectors.scoresheet_rows(cycle) if r["iso3"] == "GEO")
    assert geo_row["is_member"] is True  # the 2014 export's "member" column


def test_research_entries_complete_the_score(imported, staff_user):
    """With ATI/AD research recorded (test data, not shipped), the real FT and CE values decide."""
    nor = Country.objects.get(iso3="NOR")
    for criterion in ("access_to_information", "asset_disclosure"):
        services.research_entry_record(
            acting_user=staff_user,
            country=nor,
            criterion=criterion,
            year=2022,
            provision="law",
            public_access=True,
            name="Test entry",
            adopted_on="2006",
            source_url="https://example.org/test",
        )
    cycle = services.cycle_open(acting_user=staff_user, year=2023)
    services.cycle_compute(acting_user=staff_user, cycle=cycle)
    res = result(2023, "NOR")
    assert res.assessed == 4
    assert res.criterion("access_to_information").points == 4
    ft = res.criterion("fiscal_transparency")
    assert ft.source.year == 2019  # the newest OBS round available
    assert res.total == 8 + ft.points + res.criterion("citizen_engagement").points
    summary = selectors.country_eligibility_summary(nor)
    assert summary is None  # nothing published yet


def test_explorer_workbook_layout_gives_the_same_observations_as_the_csv(imported, shared_data_dir):
    """The real OBS rows, laid out as the Explorer's workbook (sheets per round, the Explorer's
    header, country names only): every row matches a country by name alone, and the
    observations equal the CSV's (which carries ISO codes)."""
    from bench.eligibility_workbook import build_workbook

    obs_csv = shared_data_dir / "ibp_obs" / "obs_public_availability_2006_2019.csv"
    release, created = services.release_import(
        acting_user=None, data=build_workbook(obs_csv), file_name="Public Availability 2019.xlsx"
    )
    assert created and release.rows == 672 and release.unmatched == []
    csv_release = DatasetRelease.objects.get(kind=DatasetKind.OBS, file_name=obs_csv.name)

    def facts(rel):
        return set(
            Observation.objects.filter(release=rel).values_list(
                "country__iso3", "year", "indicator", "text"
            )
        )

    assert facts(release) == facts(csv_release)
