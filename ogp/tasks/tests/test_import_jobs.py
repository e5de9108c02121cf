"""Large imports run as background tasks with a status page and endpoint: queued, running,
done (with the result) or failed (every error, nothing written); a job runs once."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import ogp.plans
from ogp.core.imports import import_job_create, run_import_job
from ogp.core.models import ImportJob
from ogp.plans.models import Commitment, SheetImport

pytestmark = pytest.mark.django_db
SAMPLE = Path(ogp.plans.__file__).parent / "tests" / "fixtures" / "commitments_sample.csv"


@pytest.fixture
def queued_backend(settings):
    """A backend that queues without running (as the database and RQ backends do until a
    worker picks the task up)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def sheet(name="commitments.csv", data=None):
    return SimpleUploadedFile(name, data or SAMPLE.read_bytes(), content_type="text/csv")


def test_web_sheet_import_is_queued_then_done_on_its_status_page(
    client_for, staff_user, country, other_country, queued_backend,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client = client_for(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plans:import"), {"file": sheet()})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.state == "queued" and Commitment.objects.count() == 0  # not in the request
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Queued" in page and 'http-equiv="refresh"' in page
    assert run_import_job.call(job.pk) == "done"
    job.refresh_from_db()
    assert job.state == "done" and job.data == b"" and job.finished_at
    assert Commitment.objects.count() == 4
    assert job.result["sheet_import"] == SheetImport.objects.get().pk
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Commitments created" in page and 'http-equiv="refresh"' not in page
    assert run_import_job.call(job.pk) == "skipped"  # queued twice: runs once
    assert SheetImport.objects.count() == 1


def test_a_failed_import_writes_nothing_and_says_why(
    client_for, staff_user, country, queued_backend, django_capture_on_commit_callbacks
):
    client = client_for(staff_user)
    bad = sheet("bad.csv", b"just,some,columns\n1,2,3\n")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plans:import"), {"file": bad})
    job = ImportJob.objects.get()
    assert run_import_job.call(job.pk) == "failed"
    job.refresh_from_db()
    assert job.state == "failed" and any("bad.csv, line 1" in e for e in job.errors)
    assert Commitment.objects.count() == 0 and SheetImport.objects.count() == 0
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Nothing was imported" in page and "bad.csv, line 1" in page


def test_an_unexpected_error_is_recorded_and_rolled_back(staff_user, monkeypatch, country):
    from ogp.core import imports
    from ogp.plans.tests.factories import CommitmentFactory

    CommitmentFactory()

    def broken(**kwargs):
        Commitment.objects.all().delete()
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "import_runners", lambda: {"plans.sheet": broken})
    job = import_job_create(
        acting_user=staff_user, kind="plans.sheet", data=b"x", file_name="s.csv", params={}
    )
    assert job.state == "failed"
    assert job.errors == [
        "The import stopped on an unexpected error (RuntimeError); nothing was written."
    ]
    assert Commitment.objects.count() == 1


def test_status_is_for_staff_and_the_person_who_started_it(
    client_for, staff_user, user, government_user, country, other_country
):
    job = import_job_create(
        acting_user=staff_user, kind="plans.sheet", data=SAMPLE.read_bytes(),
        file_name="commitments.csv", params={},
    )  # fmt: skip
    assert job.state == "done"  # the in-process backend of the tests runs it at once
    assert client_for(staff_user).get(job.get_absolute_url()).status_code == 200
    assert client_for(user).get(job.get_absolute_url()).status_code == 403
    api = client_for(government_user).get(f"/api/v1/imports/{job.pk}/")
    assert api.status_code == 403
    mine = client_for(staff_user).get(f"/api/v1/imports/{job.pk}/").json()
    assert mine["state"] == {"code": "done", "label": "Done"}
    assert mine["result"]["commitments_created"] == 4


def test_api_sheet_import_is_queued_with_a_status_address(
    client, staff_user, country, other_country, queued_backend,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    from ogp.api.tests.conftest import token_for

    auth = token_for(staff_user, ["plans:import"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/commitments/import/", {"file": sheet()}, **auth)
    assert response.status_code == 202
    body = response.json()
    assert body["state"]["code"] == "queued"
    status_url = response["Location"]
    run_import_job.call(body["id"])
    done = client.get(status_url, **auth).json()
    assert done["state"]["code"] == "done" and done["result"]["commitments_created"] == 4
    assert (
        client.post(
            "/api/v1/commitments/import/", {"file": sheet()}, **token_for(staff_user, [])
        ).status_code
        == 403
    )


def test_api_sheet_import_refused_for_others_and_errors_are_clear(client, country, user):
    from ogp.accounts.tests.factories import StaffUserFactory
    from ogp.api.tests.conftest import token_for

    assert (
        client.post(
            "/api/v1/commitments/import/", {"file": sheet()}, **token_for(user, ["plans:import"])
        ).status_code
        == 403
    )
    staff = token_for(StaffUserFactory(), ["plans:import"])
    bad = client.post(
        "/api/v1/commitments/import/", {"file": sheet("bad.csv", b"a,b\n1,2\n")}, **staff
    )
    assert bad.status_code == 400
    assert "bad.csv, line 1" in str(bad.json()["error"]["fields"])
    assert Commitment.objects.count() == 0


def test_web_release_import_is_queued_then_links_the_release(
    client_for, staff_user, queued_backend, django_capture_on_commit_callbacks
):
    from ogp.api.tests.conftest import FIX
    from ogp.eligibility.models import DatasetRelease

    client = client_for(staff_user)
    upload = SimpleUploadedFile("crosswalk_small.csv", (FIX / "crosswalk_small.csv").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("eligibility:release-import"), {"file": upload, "edition": "2024"}
        )
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url() and not DatasetRelease.objects.exists()
    assert job.params["edition"] == "2024"
    run_import_job.call(job.pk)
    release = DatasetRelease.objects.get()
    page = client.get(job.get_absolute_url()).content.decode()
    assert release.get_absolute_url() in page
