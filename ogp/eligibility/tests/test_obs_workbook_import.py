"""Importing the Open Budget Survey Explorer workbook (.xlsx, one sheet per survey round)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.eligibility import services
from ogp.eligibility.models import DatasetKind, DatasetRelease, Observation

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The layout the Explorer's own loader checks (okfn/ibp-explorer, data/lib_read.py,
# _read_availability): sheets named after the round, this header in row 1, one row per country.
HEADER = [
    "country",
    "Pre-Budget Statement",
    "Executive's Budget Proposal",
    "Enacted Budget",
    "Citizens Budget",
    "In-Year Reports",
    "Mid-Year Review",
    "Year-End Report",
    "Audit Report",
]


def workbook(rounds=None, *, legend=True) -> bytes:
    """A small workbook in the Explorer's layout: the header in row 1, one row per country."""
    if rounds is None:
        rounds = {
            "2019": [
                ["Namibia", "PW", "PW", "PW", "PW", "PW", "PW", "PW", "PW"],
                ["Zedland", "IU", "PL", "SC", "NP", "HC", "NP", "IU", "NP"],
                ["Zanzibar", "PW", "PW", "PW", "PW", "PW", "PW", "PW", "PW"],
            ],
            "2017": [["Namibia", "PW", "PW", "PW", "NP", "PW", "HC", "PW", "IU"]],
        }
    book = Workbook()
    book.remove(book.active)
    for name, rows in rounds.items():
        ws = book.create_sheet(name)
        ws.append(HEADER)
        for row in rows:
            ws.append(row)
    if legend:
        ws = book.create_sheet("Legend")
        ws.append(["Code", "Meaning"])
        ws.append(["PW", "Published on the web"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def counts():
    return (
        DatasetRelease.objects.count(),
        Observation.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def matcher_ready(rulesets, namibia, country):
    services.release_import(
        acting_user=None,
        data=(FIX_DIR / "crosswalk_small.csv").read_bytes(),
        file_name="crosswalk_small.csv",
    )


from .conftest import FIX as FIX_DIR  # noqa: E402


def test_workbook_import_records_rounds_sheets_and_unmatched_rows(matcher_ready, staff_user):
    release, created = services.release_import(
        acting_user=staff_user, data=workbook(), file_name="Public Availability 2019.xlsx"
    )
    assert created and release.kind == DatasetKind.OBS
    assert release.publisher == "International Budget Partnership"
    assert (release.year_min, release.year_max, release.rows) == (2017, 2019, 4)
    assert release.edition == "2017–2019" and release.published_on == datetime.date(2020, 1, 1)
    assert release.extra == {"sheets": {"2017": "2017", "2019": "2019"}}
    assert release.unmatched == [{"line": 4, "name": "Zanzibar", "code": "", "sheet": "2019"}]
    assert set(release.columns) == {"pbs", "ebp", "cb", "eb", "iyr", "myr", "yer", "ar"}
    nam = Observation.objects.get(
        release=release, country__iso3="NAM", year=2019, indicator="obs.ar"
    )
    assert (nam.text, nam.line) == ("PW", 2)
    assert Observation.objects.filter(release=release).count() == 24
    assert AuditEvent.objects.filter(action="release.import").count() == 2


def test_same_workbook_again_changes_nothing(matcher_ready, staff_user):
    data = workbook()
    first, _ = services.release_import(acting_user=staff_user, data=data, file_name="a.xlsx")
    before = counts()
    again, created = services.release_import(acting_user=staff_user, data=data, file_name="b.xlsx")
    assert not created and again == first and counts() == before


def test_bad_workbook_names_sheet_row_and_column_and_writes_nothing(matcher_ready, staff_user):
    rows = {"2019": [["Namibia", "PW", "PW", "YES", "PW", "PW", "PW", "PW", "PW"]]}
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=workbook(rows), file_name="obs.xlsx")
    assert exc.value.messages[0] == (
        "obs.xlsx, sheet “2019”, row 2, column D (Enacted Budget): unknown code “YES” "
        "(allowed: PW, PL, HC, SC, IU, NP)."
    )
    assert counts() == before
    with translation.override("fr"), pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=workbook(rows), file_name="obs.xlsx")
    assert "feuille « 2019 », ligne 2, colonne D (Enacted Budget)" in exc.value.messages[0]
    with translation.override("es"), pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=workbook(rows), file_name="obs.xlsx")
    assert "hoja «2019», fila 2, columna D (Enacted Budget)" in exc.value.messages[0]


def test_workbook_without_the_audit_report_column(matcher_ready, staff_user):
    book = Workbook()
    book.active.title = "2019"
    book.active.append(["Country", "EBP", "Enacted Budget"])
    book.active.append(["Namibia", "PW", "PW"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ServiceError) as exc:
        services.release_import(
            acting_user=staff_user, data=buffer.getvalue(), file_name="obs.xlsx"
        )
    assert exc.value.messages[0] == (
        "obs.xlsx, sheet “2019”, row 1, column AR: required column missing."
    )


def test_a_damaged_workbook_is_refused(matcher_ready, staff_user):
    data = workbook()[:2000]
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name="cut.xlsx")
    assert exc.value.messages[0] == ("cut.xlsx: the file is not a readable Excel workbook (.xlsx).")
    assert counts() == before


def test_workbook_only_for_the_open_budget_survey(matcher_ready, staff_user):
    with pytest.raises(ServiceError) as exc:
        services.release_import(
            acting_user=staff_user, data=workbook(), file_name="eiu.xlsx", kind=DatasetKind.EIU
        )
    assert "only the Open Budget Survey availability workbook" in exc.value.messages[0]


def test_workbook_without_round_sheets(matcher_ready, staff_user):
    with pytest.raises(ServiceError) as exc:
        services.release_import(
            acting_user=staff_user, data=workbook({}, legend=True), file_name="legend.xlsx"
        )
    assert "no worksheet is named after a survey year" in exc.value.messages[0]


def test_country_page_cites_sheet_and_row(matcher_ready, staff_user, client):
    services.release_import(
        acting_user=staff_user,
        data=workbook(),
        file_name="Public Availability 2019.xlsx",
        published_on=datetime.date(2020, 4, 27),
    )
    cycle = services.cycle_open(acting_user=staff_user, year=2020)
    services.cycle_publish(
        acting_user=staff_user, cycle=services.cycle_compute(acting_user=staff_user, cycle=cycle)
    )
    page = client.get(reverse("eligibility:country", args=["NAM"])).content.decode()
    assert "Open Budget Survey 2019, edition 2017–2019, sheet “2019”, row 2" in page
    assert "file line" not in page
    with translation.override("fr"):
        page = client.get(reverse("eligibility:country", args=["NAM"])).content.decode()
    assert "feuille « 2019 », ligne 2" in page


def test_staff_upload_form_and_release_page(client_for, matcher_ready, staff_user):
    s = client_for(staff_user)
    form = s.get(reverse("eligibility:release-import")).content.decode()
    assert 'accept=".csv,.xlsx,text/csv"' in form  # the file picker offers both kinds
    response = s.post(
        reverse("eligibility:release-import"),
        {"file": SimpleUploadedFile("Public Availability 2019.xlsx", workbook(), XLSX)},
    )
    assert response.status_code == 302
    page = s.get(response["Location"]).content.decode()
    assert "2017: “2017”, 2019: “2019”" in page and "Zanzibar" in page
    bad = {"2019": [["Namibia", "PW", "PW", "PW", "PW", "PW", "PW", "PW", "7"]]}
    response = s.post(
        reverse("eligibility:release-import"),
        {
            "file": SimpleUploadedFile("obs.xlsx", workbook(bad), XLSX),
            "edition": "Explorer 2019",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "obs.xlsx, sheet “2019”, row 2, column I (Audit Report): unknown code “7”" in page
    assert 'value="Explorer 2019"' in page  # the typed edition is kept


def test_folder_import_picks_up_workbooks(rulesets, namibia, country, tmp_path, capsys):
    (tmp_path / "crosswalk.csv").write_bytes((FIX_DIR / "crosswalk_small.csv").read_bytes())
    (tmp_path / "Public Availability 2019.xlsx").write_bytes(workbook())
    call_command("eligibility_import", str(tmp_path))
    out = capsys.readouterr().out
    assert "Public Availability 2019.xlsx: imported" in out
    assert DatasetRelease.objects.filter(kind=DatasetKind.OBS).count() == 1


def test_an_old_excel_file_is_refused_with_advice(matcher_ready, staff_user):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name="OBI 2019.xls")
    assert exc.value.messages[0] == (
        "OBI 2019.xls: the file is in the old Excel format (.xls) or password-protected; "
        "save it as an .xlsx workbook or as CSV (UTF-8)."
    )
    assert counts() == before
