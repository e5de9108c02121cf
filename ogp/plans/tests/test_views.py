"""Public pages, exports, progress with evidence, civil society's view beside the official one,
staff upload, and constant query counts."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ogp.accounts.tests.factories import CivilSocietyUserFactory
from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.core.tests.test_helpers import make_pdf
from ogp.organisations.tests.factories import OrganisationFactory
from ogp.plans.models import Commitment, ProgressEvidence
from ogp.plans.services import (
    milestone_create,
    progress_review_create,
    progress_update_create,
    sheet_import,
)

from .factories import CommitmentFactory, InstitutionFactory, MilestoneFactory
from .sheets import row, sheet
from .test_import import SAMPLE

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def imported(country, other_country):
    return sheet_import(acting_user=None, data=SAMPLE.read_bytes(), file_name=SAMPLE.name)


def test_explorer_filters(client, imported):
    url = reverse("plans:explorer")
    page = client.get(url).content.decode()
    assert "ZZ0001" in page and "YP0001" in page and "<svg" in page and "<caption>" in page
    assert "ZZ0002" not in client.get(url + "?coding=high_completion&country=ZYB").content.decode()
    page = client.get(url + "?coding=starred").content.decode()
    assert "ZZ0001" in page and "YP0001" not in page and "ZZ0002" not in page
    page = client.get(url + "?coding=strong_early_results").content.decode()
    assert "ZZC0001" in page and "ZZ0002" not in page
    assert "ZZ0002" in client.get(url + "?policy_area=lobbying").content.decode()
    assert "ZZ0001" not in client.get(url + "?policy_area=lobbying").content.decode()
    assert "ZZC0001" in client.get(url + "?plan=AP_ZZCA01").content.decode()
    assert "ZZ0001" in client.get(url + "?value=access_to_information").content.decode()
    assert "ZZC0001" in client.get(url + "?status=complete").content.decode()
    assert "ZZ0002" in client.get(url + "?q=lobbying").content.decode()
    newest = client.get(url + "?sort=-year").content.decode()
    assert newest.index("ZZC0001") < newest.index("YP0001")


def test_import_refreshes_cached_counts(client, imported):
    url = reverse("plans:explorer")
    assert "4 commitments match" in client.get(url).content.decode()
    sheet_import(
        acting_user=None, file_name="more.csv",
        data=sheet(row(**{"Commitment Unique Identifier": "ZZ0100", "id": "9100"})),
    )  # fmt: skip
    assert "5 commitments match" in client.get(url).content.decode()


def test_explorer_keeps_valid_filters_when_one_is_invalid(client, imported):
    page = client.get(reverse("plans:explorer") + "?country=ZYB&plan=nonsense").content.decode()
    assert "YP0001" in page and "ZZ0001" not in page


def test_explorer_hostile_input(client, imported):
    url = reverse("plans:explorer")
    for query in ("?country=<script>", "?page=99999", "?page=abc", "?sort=drop", "?coding=x"):
        assert client.get(url + query).status_code == 200


def test_exports(client, imported):
    base = reverse("plans:explorer-export", args=["csv"])
    csv_text = client.get(base + "?country=ZZA").content.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("identifier,title,country_iso3")
    assert len(lines) == 4  # header + 3 commitments of Zedland (one locality)
    data = json.loads(client.get(reverse("plans:explorer-export", args=["json"])).content)
    assert {c["identifier"] for c in data["commitments"]} == {
        "ZZ0001",
        "ZZ0002",
        "ZZC0001",
        "YP0001",
    }
    first = next(c for c in data["commitments"] if c["identifier"] == "ZZ0001")
    assert first["policy_areas"] == "Fiscal Openness; Open Data" and first["irm_scale"]
    xlsx = client.get(reverse("plans:explorer-export", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"
    assert client.get(reverse("plans:explorer-export", args=["exe"])).status_code == 404


def test_commitment_page_shows_coding_and_source(client, imported):
    page = client.get(reverse("plans:commitment-detail", args=["ZZ0001"])).content.decode()
    assert "Budget portal" in page and "Ministry of Finance" in page
    assert "Not reviewed" in page and "No data" in page
    assert "opengovpartnership.org/members/zedland/commitments/zz0001" in page
    assert client.get(reverse("plans:commitment-detail", args=["NOPE1"])).status_code == 404


def test_country_section_link_and_pages(client, imported, country):
    hub = client.get(reverse("countries:detail", args=[country.iso3])).content.decode()
    assert reverse("plans:country", args=[country.iso3]) in hub
    page = client.get(reverse("plans:country", args=[country.iso3])).content.decode()
    assert "AP_ZZA01" in page and "AP_ZZCA01" in page
    plan = client.get(reverse("plans:plan-detail", args=["AP_ZZA01"])).content.decode()
    assert "ZZ0001" in plan and "ZZ0002" in plan
    assert client.get(reverse("plans:plan-detail", args=["AP_NONE01"])).status_code == 404


def test_french_pages(client, imported):
    page = client.get("/fr/plans/commitments/ZZ0001/").content.decode()
    assert "Achèvement" in page or "achèvement" in page


@pytest.fixture
def owned(country, government_user):
    org = OrganisationFactory(kind="civil_society", country=country)
    commitment = CommitmentFactory(plan__country=country)
    InstitutionFactory(commitment=commitment, organisation=org, is_civil_society=True)
    milestone = milestone_create(
        acting_user=government_user, commitment=commitment, title="Portal online"
    )
    return commitment, milestone, CivilSocietyUserFactory(organisation=org)


def test_update_needs_evidence_or_a_reason(owned, government_user):
    _c, milestone, _cso = owned
    with pytest.raises(ServiceError):
        progress_update_create(
            acting_user=government_user, milestone=milestone, status="limited", narrative="x"
        )
    update = progress_update_create(
        acting_user=government_user, milestone=milestone, status="limited", narrative="x",
        no_evidence_reason="The report is being translated.",
    )  # fmt: skip
    assert update.no_evidence_reason == "The report is being translated."


def test_update_refuses_a_fake_pdf(owned, government_user):
    _c, milestone, _cso = owned
    fake = SimpleUploadedFile("report.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ServiceError):
        progress_update_create(
            acting_user=government_user, milestone=milestone, status="limited", narrative="x",
            files=[fake],
        )  # fmt: skip
    assert not ProgressEvidence.objects.exists()


def test_post_with_pdf_dispute_and_both_views(owned, government_user, client_for):
    commitment, milestone, cso = owned
    client = client_for(government_user)
    pdf = SimpleUploadedFile("report.pdf", make_pdf(), content_type="application/pdf")
    response = client.post(
        reverse("plans:update-create", args=[milestone.pk]),
        {"status": "complete", "narrative": "The portal is online.", "evidence_file": pdf},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    commitment.refresh_from_db()
    assert milestone.status == "complete" and commitment.progress == 100
    evidence = ProgressEvidence.objects.get()
    download = client_for(None).get(reverse("plans:evidence-download", args=[evidence.pk]))
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    update = milestone.updates.get()
    client = client_for(cso)
    response = client.post(
        reverse("plans:review-create", args=[update.pk]),
        {"verdict": "dispute", "status": "limited", "reasoning": "Half the data is missing."},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.civil_society_status == "limited"
    page = client_for(None).get(commitment.get_absolute_url()).content.decode()
    assert "Official status" in page and "Civil society status" in page
    assert "Half the data is missing." in page and "disputed" in page
    assert AuditEvent.objects.filter(action=AuditAction.PROGRESS_REVIEW_DISPUTE).exists()
    with pytest.raises(ServiceError):  # one view per person
        progress_review_create(
            acting_user=cso, update=update, verdict="confirm", reasoning="Changed my mind"
        )


def test_dispute_needs_a_status(owned, government_user):
    _c, milestone, cso = owned
    update = progress_update_create(
        acting_user=government_user, milestone=milestone, status="complete", narrative="Done",
        links=["https://example.org/portal"],
    )  # fmt: skip
    with pytest.raises(ServiceError):
        progress_review_create(acting_user=cso, update=update, verdict="dispute", reasoning="No")


def test_new_update_clears_the_dispute(owned, government_user):
    _c, milestone, cso = owned
    first = progress_update_create(
        acting_user=government_user, milestone=milestone, status="complete", narrative="Done",
        links=["https://example.org/a"],
    )  # fmt: skip
    progress_review_create(
        acting_user=cso, update=first, verdict="dispute", status="limited", reasoning="No"
    )
    milestone.refresh_from_db()
    assert milestone.civil_society_status == "limited"
    progress_update_create(
        acting_user=government_user, milestone=milestone, status="complete", narrative="Now",
        links=["https://example.org/b"],
    )  # fmt: skip
    milestone.refresh_from_db()
    assert milestone.civil_society_status == ""


def test_staff_upload_form(client_for, staff_user, country, other_country):
    client = client_for(staff_user)
    url = reverse("plans:import")
    upload = SimpleUploadedFile("commitments.csv", SAMPLE.read_bytes(), content_type="text/csv")
    page = client.post(url, {"file": upload}).content.decode()
    assert "Commitments created" in page and "QQQ" in page
    assert Commitment.objects.count() == 4
    bad = SimpleUploadedFile("bad.csv", b"just,some,columns\n1,2,3\n", content_type="text/csv")
    page = client.post(url, {"file": bad}).content.decode()
    assert "Nothing was imported" in page and "bad.csv, line 1" in page
    assert Commitment.objects.count() == 4


def _grow(country, n):
    for _ in range(n):
        c = CommitmentFactory(plan__country=country)
        InstitutionFactory(commitment=c)
        m = MilestoneFactory(commitment=c)
        MilestoneFactory(commitment=c)
        yield c, m


def test_constant_queries_explorer_and_country(client, country):
    list(_grow(country, 2))
    cache.clear()
    explorer = _count(client, reverse("plans:explorer"))
    cached = _count(client, reverse("plans:explorer"))
    assert cached < explorer  # the chart counts come from the cache
    hub = _count(client, reverse("plans:country", args=[country.iso3]))
    list(_grow(country, 8))
    cache.clear()
    assert _count(client, reverse("plans:explorer")) == explorer
    assert _count(client, reverse("plans:explorer")) == cached
    assert _count(client, reverse("plans:country", args=[country.iso3])) == hub


def test_constant_queries_commitment_page(client, country, government_user):
    commitment = CommitmentFactory(plan__country=country)
    org = OrganisationFactory(kind="civil_society", country=country)
    cso = CivilSocietyUserFactory(organisation=org)

    def add_milestone():
        m = MilestoneFactory(commitment=commitment)
        InstitutionFactory(commitment=commitment, organisation=org, is_civil_society=True)
        u = progress_update_create(
            acting_user=government_user, milestone=m, status="limited", narrative="x",
            links=["https://example.org/e"],
        )  # fmt: skip
        return u

    add_milestone()
    one = _count(client, commitment.get_absolute_url())
    updates = [add_milestone() for _ in range(5)]
    for u in updates[:2]:
        progress_review_create(acting_user=cso, update=u, verdict="confirm", reasoning="Seen")
    assert _count(client, commitment.get_absolute_url()) == one


def test_atom_and_ical(client, owned, government_user):
    commitment, milestone, cso = owned
    milestone.due_date = datetime.date(2026, 3, 1)
    milestone.save()
    update = progress_update_create(
        acting_user=government_user, milestone=milestone, status="limited", narrative="Halfway",
        links=["https://example.org/x"],
    )  # fmt: skip
    progress_review_create(
        acting_user=cso, update=update, verdict="dispute", status="not_started", reasoning="No"
    )
    atom = client.get(reverse("plans:commitment-atom", args=[commitment.identifier]))
    body = atom.content.decode()
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Halfway" in body and "Dispute" in body
    ics = client.get(reverse("plans:commitment-ical", args=[commitment.identifier]))
    text = ics.content.decode()
    assert "BEGIN:VEVENT" in text and "DTSTART;VALUE=DATE:20260301" in text


def test_government_continues_an_imported_commitment(client_for, imported, country):
    from ogp.accounts.tests.factories import GovernmentUserFactory

    government = GovernmentUserFactory(country=country)
    cso = OrganisationFactory(name="Open Zedland", kind="civil_society", country=country)
    client = client_for(government)
    url = reverse("plans:commitment-edit", args=["ZZ0001"])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"form": "template", "problem": "Budgets are PDFs.", "objective": ""}
    )
    assert response.status_code == 302
    response = client.post(
        url, {"form": "institution", "role": "supporting", "organisation": cso.pk}
    )
    assert response.status_code == 302
    c = Commitment.objects.get(identifier="ZZ0001")
    assert c.problem == "Budgets are PDFs." and c.source == "ogp_sheet"
    assert c.institutions.get(organisation=cso).is_civil_society
    response = client.post(url, {"form": "institution", "role": "lead", "name": ""})
    assert "Give the institution" in response.content.decode()
    page = client_for(None).get(c.get_absolute_url()).content.decode()
    assert "Budgets are PDFs." in page and "Open Zedland" in page
    assert AuditEvent.objects.filter(action=AuditAction.COMMITMENT_TEMPLATE_UPDATE).exists()


def test_visitors_get_commitment_pages_from_the_lean_path(settings, db):  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from .factories import CommitmentFactory

    settings.OGP_LEAN_CACHE_SECONDS = 300
    commitment = CommitmentFactory()
    url = reverse("plans:commitment-detail", args=[commitment.identifier])
    first = Client().get(url)
    assert first.status_code == 200 and first["ETag"]
    with CaptureQueriesContext(connection) as queries:
        Client().get(url)
    assert [q["sql"] for q in queries.captured_queries if "ogp_cache" not in q["sql"]] == []
    commitment.title = "A renamed commitment"
    commitment.save()
    assert b"A renamed commitment" in Client().get(url).content
