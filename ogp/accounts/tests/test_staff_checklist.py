"""The staff home page opens with the set-up the platform needs and what waits for staff."""

import pytest
from django.urls import reverse

from ogp.accounts.models import Role
from ogp.accounts.services import role_request_create

pytestmark = pytest.mark.django_db


def test_first_run_checklist_and_counts(client_for, staff_user, user, country):
    role_request_create(acting_user=user, role=Role.GOVERNMENT, justification="x", country=country)
    html = client_for(staff_user).get(reverse("accounts:staff-home")).content.decode()
    assert "Record the current OGP co-chairs" in html
    assert "To do" in html  # no co-chairs yet
    assert '<strong class="count">1</strong> Role requests' in html
    for label in [
        "Letters of intent to review",
        "Requests for assessment",
        "Open questions from governments",
        "Requests to join forums without a coordinator",
        "Reports of content to moderate",
    ]:
        assert label in html, label
