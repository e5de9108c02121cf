import csv
import hashlib
import io
import json

import pytest

from ogp.opendata.services import datapackage_build, datapackages_build_all, root

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _opendata_root(settings, tmp_path):
    settings.OGP_OPENDATA_ROOT = tmp_path / "opendata"


@pytest.fixture
def published(db):
    import datetime

    from ogp.accounts.tests.factories import StaffUserFactory
    from ogp.api.tests.conftest import FILES, FIX  # the same small publisher files
    from ogp.countries.tests.factories import CountryFactory
    from ogp.eligibility import services

    CountryFactory(iso2="NA", iso3="NAM", name_en="Namibia", name_fr="Namibie", name_es="Namibia")
    CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia")
    services.ruleset_seed_shipped()
    for name in FILES:
        services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2023, 3, 1),
        )
    staff = StaffUserFactory()
    cycle = services.cycle_open(acting_user=staff, year=2023)
    cycle = services.cycle_compute(acting_user=staff, cycle=cycle)
    return services.cycle_publish(acting_user=staff, cycle=cycle)


def test_eligibility_package_is_a_frictionless_tabular_package(published):
    meta = datapackage_build("eligibility")
    assert meta["profile"] == "tabular-data-package" and meta["licenses"][0]["name"] == "CC-BY-4.0"
    folder = root() / "eligibility"
    on_disk = json.loads((folder / "datapackage.json").read_text())
    assert on_disk["name"] == "ogp-eligibility"
    for res in on_disk["resources"]:
        data = (folder / res["path"]).read_bytes()
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert res["bytes"] == len(data)
        if res["format"] == "csv":
            header = next(csv.reader(io.StringIO(data.decode())))
            assert header == [f["name"] for f in res["schema"]["fields"]]
    criteria = list(csv.DictReader(io.StringIO((folder / "criteria.csv").read_text())))
    nam_ft = next(
        r for r in criteria if r["country"] == "NAM" and r["criterion"] == "fiscal_transparency"
    )
    assert (nam_ft["points"], nam_ft["source_year"], nam_ft["source_line"]) == ("4", "2019", "3")


def test_files_at_stable_addresses(client, published):
    datapackages_build_all()
    meta = client.get("/opendata/eligibility/datapackage.json")
    assert meta.status_code == 200 and meta["Access-Control-Allow-Origin"] == "*"
    results = client.get("/opendata/eligibility/results.csv")
    body = b"".join(results.streaming_content).decode()
    assert results["Content-Type"].startswith("text/csv") and "NAM" in body
    assert client.get("/opendata/eligibility/../settings.py").status_code == 404
    assert client.get("/opendata/eligibility/other.csv").status_code == 404
    assert client.get("/opendata/nope/results.csv").status_code == 404


def test_open_data_page_lists_packages_with_update_time(client, published):
    assert "Not built yet" in client.get("/en/open-data/").content.decode()
    datapackages_build_all()
    page = client.get("/fr/open-data/").content.decode()
    assert "/opendata/eligibility/results.csv" in page and "datapackage.json" in page


def test_publication_rebuilds_its_package(imported_cycle_ready, django_capture_on_commit_callbacks):
    from ogp.eligibility import services

    cycle, staff = imported_cycle_ready
    with django_capture_on_commit_callbacks(execute=True):
        services.cycle_publish(acting_user=staff, cycle=cycle)
    meta = json.loads((root() / "eligibility" / "datapackage.json").read_text())
    assert meta["resources"][0]["name"] == "cycles"
    cycles = (root() / "eligibility" / "cycles.csv").read_text()
    assert "2023" in cycles


@pytest.fixture
def imported_cycle_ready(published):
    from ogp.accounts.tests.factories import StaffUserFactory
    from ogp.eligibility import services

    staff = StaffUserFactory()
    cycle = services.cycle_open(acting_user=staff, year=2022)
    return services.cycle_compute(acting_user=staff, cycle=cycle), staff


def test_atom_feed_of_publications(client, published):
    from ogp.membership.tests.factories import LetterFactory

    LetterFactory(state="accepted", past_reforms="Réformes")
    feed = client.get("/en/open-data/feeds/publications.atom")
    text = feed.content.decode()
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert "Eligibility cycle 2023 published" in text and "Letter of intent of" in text
