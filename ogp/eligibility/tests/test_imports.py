import datetime
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.eligibility import services
from ogp.eligibility.models import DatasetKind, DatasetRelease, Observation, ResearchEntry

from .conftest import FIX

pytestmark = pytest.mark.django_db


def counts():
    return (
        DatasetRelease.objects.count(),
        Observation.objects.count(),
        ResearchEntry.objects.count(),
        AuditEvent.objects.count(),
    )


def test_import_creates_release_with_provenance(imported, namibia):
    obs = imported[DatasetKind.OBS]
    assert obs.publisher == "International Budget Partnership"
    assert obs.edition == "2017–2019" and obs.rows == 3 and obs.file_name == "obs_small.csv"
    assert obs.year_min == 2017 and obs.year_max == 2019 and len(obs.checksum) == 64
    assert Observation.objects.filter(release=obs, country=namibia).count() == 16
    vdem = imported[DatasetKind.VDEM]
    assert vdem.unmatched == [{"line": 5, "name": "Zanzibar", "code": "ZZB"}]
    assert ResearchEntry.objects.filter(release=imported[DatasetKind.RESEARCH]).count() == 3
    event = AuditEvent.objects.filter(action="release.import").first()
    assert event is not None and event.note == "system import"


def test_reimporting_the_same_file_changes_nothing(imported, staff_user):
    before = counts()
    release, created = services.release_import(
        acting_user=staff_user, data=(FIX / "obs_small.csv").read_bytes(), file_name="renamed.csv"
    )
    assert not created and release == imported[DatasetKind.OBS]
    assert counts() == before


def test_publication_date_defaults_to_estimate(imported, staff_user):
    data = (FIX / "eiu_small.csv").read_bytes().replace(b"7.94", b"7.95")
    release, created = services.release_import(
        acting_user=staff_user, data=data, file_name="eiu.csv"
    )
    assert created and release.published_on == datetime.date(2023, 1, 1)
    assert release.published_on_estimated and release.imported_by == staff_user


def _bad(name, old, new):
    return (FIX / name).read_bytes().replace(old, new, 1)


BAD = [
    ("vdem_small.csv", b",year,", b",yr,", "vdem_small.csv, line 1, column year"),
    ("obs_small.csv", b"Zedland", b"Z\xe9dland", "obs_small.csv, line 4, column country"),
    ("obs_small.csv", b"PL,NP,SC", b"XX,NP,SC", "obs_small.csv, line 4, column ebp"),
    ("eiu_small.csv", b",7.94\n", b",10.5\n", "eiu_small.csv, line 2, column civlib_eiu"),
    ("eiu_small.csv", b"NAM,2022", b"NAM,2021", "eiu_small.csv, line 3, column year"),
    ("research_small.csv", b",draft,", b",decree,", "research_small.csv, line 4, column provision"),
]


@pytest.mark.parametrize(("name", "old", "new", "where"), BAD)
def test_bad_files_are_refused_and_the_database_is_unchanged(
    imported, staff_user, name, old, new, where
):
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=_bad(name, old, new), file_name=name)
    assert where in exc.value.messages[0]
    assert counts() == before


def test_truncated_file_message(imported, staff_user):
    data = (FIX / "obs_small.csv").read_bytes()[:-12]
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name="obs.csv")
    assert exc.value.messages[0] == (
        "obs.csv, line 4, column iyr: the file ends in the middle of a row (truncated)."
    )
    assert counts() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"a,b\n1,2\n", "x.csv, line 1: the columns match none of the supported formats."),
        (
            b"country,iso3,survey_year,ebp\nNamibia,NAM,2019,PW\n",
            "x.csv, line 1, column ar: required column missing.",
        ),
    ],
)
def test_unknown_format_and_missing_column_messages(imported, staff_user, data, message):
    with pytest.raises(ServiceError) as exc:
        services.release_import(acting_user=staff_user, data=data, file_name="x.csv")
    assert exc.value.messages[0] == message


def test_error_message_is_translated(imported, staff_user):
    with translation.override("fr"), pytest.raises(ServiceError) as exc:
        services.release_import(
            acting_user=staff_user,
            data=_bad("eiu_small.csv", b",7.94\n", b",10.5\n"),
            file_name="eiu.csv",
        )
    assert "ligne 2" in exc.value.messages[0]


def test_import_command_on_folder_is_idempotent(rulesets, namibia, country, capsys):
    call_command("eligibility_import", str(FIX))
    out = capsys.readouterr().out
    assert "obs_small.csv: imported" in out
    assert "unmatched: Zanzibar ZZB (1 row, lines 5)" in out
    before = counts()
    call_command("eligibility_import", str(FIX))
    assert "already imported, unchanged" in capsys.readouterr().out
    assert counts() == before


def test_import_command_reports_bad_file(rulesets, namibia, country, tmp_path):
    bad = tmp_path / "eiu.csv"
    bad.write_bytes(_bad("eiu_small.csv", b",7.94\n", b",-1\n"))
    with pytest.raises(CommandError, match="eiu.csv, line 2, column civlib_eiu"):
        call_command("eligibility_import", str(bad))
    assert DatasetRelease.objects.count() == 0


@pytest.fixture
def http_server():
    handler = partial(SimpleHTTPRequestHandler, directory=str(FIX))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_download_command_against_a_local_server(
    rulesets, namibia, country, http_server, tmp_path, settings, capsys
):
    settings.OGP_ELIGIBILITY_SOURCE_URLS = {
        "eiu.csv": f"{http_server}/eiu_small.csv",
        "obs.csv": f"{http_server}/obs_small.csv",
    }
    call_command("eligibility_download", "--to", str(tmp_path))
    assert (tmp_path / "eiu.csv").read_bytes() == (FIX / "eiu_small.csv").read_bytes()
    assert set(DatasetRelease.objects.values_list("kind", flat=True)) == {"eiu", "obs"}
    assert "downloaded" in capsys.readouterr().out


def test_download_command_offline(rulesets, tmp_path):
    with pytest.raises(CommandError, match="Download failed"):
        call_command(
            "eligibility_download",
            "--to",
            str(tmp_path),
            "--url",
            "x.csv=http://127.0.0.1:9/none.csv",
        )
