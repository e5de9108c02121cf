"""Finding 4: no export lets a cell start a formula (CSV and XLSX, one helper)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ogp.accounts.tests.factories import UserFactory
from ogp.core.spreadsheets import FORMULA_STARTS, safe_cell
from ogp.eligibility import exports
from ogp.participation.services.events import registration_create
from ogp.participation.services.lists import (
    confirmation_token,
    subscription_confirm,
    subscription_request,
)
from ogp.participation.tests.factories import EventFactory, civil_society_list

PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1",
            "\uff1d1+1"]  # fmt: skip


def _cells_of_csv(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def _assert_no_formula(cells) -> None:  # type: ignore[no-untyped-def]
    dangerous = [c for c in cells if isinstance(c, str) and c.startswith(FORMULA_STARTS)]
    assert not dangerous, dangerous


@pytest.mark.parametrize("payload", PAYLOADS)
def test_safe_cell_neutralises_every_formula_start(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Zedland", "", None, -3, 2.5, "e-mail", "a=b"])
def test_safe_cell_leaves_other_values_alone(value):
    assert safe_cell(value) == value


@pytest.mark.django_db
def _body(response):
    """The bytes of a response, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_subscriber_export(client_for, staff_user):
    for i, payload in enumerate(["=1+2", "+1", "-1", "@1"]):
        (subscription,) = subscription_request(
            acting_user=None,
            email=f"{payload}{i}@example.org",
            mailing_lists=[civil_society_list()],
            language="en",
        )
        subscription_confirm(token=confirmation_token(subscription))
    response = client_for(staff_user).get(
        reverse("participation:staff-list-export", args=["civil-society"])
    )
    cells = _cells_of_csv(_body(response))
    assert "'=1+20@example.org" in cells
    _assert_no_formula(cells)


@pytest.mark.django_db
def test_event_registrants_export(client_for, staff_user):
    event = EventFactory(capacity=None)
    for payload in PAYLOADS:
        person = UserFactory(full_name=payload)
        registration_create(
            acting_user=person, event=event, accessibility_needs=payload, organisation_name=payload
        )
    response = client_for(staff_user).get(
        reverse("participation:event-registrants", args=[event.slug]) + "?format=csv"
    )
    cells = _cells_of_csv(_body(response))
    assert "'+1+2" in cells
    _assert_no_formula(cells)


def _eligibility_rows():  # type: ignore[no-untyped-def]
    return [
        {
            "iso3": "ZZA", "name_en": payload, "region": payload, "status": "eligible",
            "total": 12, "maximum": 16, "share": 0.75, "points": {}, "is_member": False,
            "values_check": True, "eligibility_review": False, "at_risk": False,
            "details": {"fiscal": {"dataset": "evidence", "raw": "x", "edition": payload}},
        }
        for payload in PAYLOADS
    ]  # fmt: skip


def test_eligibility_score_sheet_csv_and_xlsx():
    _assert_no_formula(_cells_of_csv(exports.to_csv(2024, _eligibility_rows())))
    book = load_workbook(io.BytesIO(exports.to_xlsx(2024, _eligibility_rows())))
    cells = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    _assert_no_formula(cells)
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)


@pytest.mark.django_db
def test_public_member_csv_and_status_history(client, country):
    from ogp.countries.models import MembershipStatusChange
    from ogp.membership.models import LeadAgency

    country.membership_status = "participating"
    country.save()
    LeadAgency.objects.create(country=country, name='=HYPERLINK("http://evil.example","x")')
    MembershipStatusChange.objects.create(
        country=country, from_status="eligible", to_status="participating",
        effective_date="2025-01-01", reason="@SUM(1+1)",
    )  # fmt: skip
    cells = _cells_of_csv(_body(client.get(reverse("membership:member-list-csv"))))
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    _assert_no_formula(cells)
    cells = _cells_of_csv(_body(client.get(reverse("membership:status-history-csv"))))
    assert "'@SUM(1+1)" in cells
    _assert_no_formula(cells)


def test_no_export_writes_cells_around_the_helper():
    """Every CSV/XLSX writer in the code goes through ogp.core.spreadsheets."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ogp"
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path.name == "spreadsheets.py":
            continue
        text = path.read_text()
        if "csv.writer(" in text or "csv.DictWriter(" in text:
            offenders.append(str(path.relative_to(root)))
        if "Workbook(" in text and "safe_row(" not in text:
            offenders.append(str(path.relative_to(root)))
    assert not offenders
