"""Permissions are role rules: a signed-in page never reads Django's permission tables."""

import pytest
from django.contrib.auth import authenticate
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_signed_in_page_reads_no_permission_table(client_for, user):  # type: ignore[no-untyped-def]
    client = client_for(user)
    client.get(reverse("participation:forum-list"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("participation:forum-list"))
    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if "auth_permission" in q["sql"]]


def test_rules_still_decide(client_for, user, staff_user):  # type: ignore[no-untyped-def]
    assert not user.has_perm("eligibility.manage_eligibility")
    assert staff_user.has_perm("eligibility.manage_eligibility")


def test_password_sign_in_still_works(user):  # type: ignore[no-untyped-def]
    user.set_password("a long enough pass phrase")
    user.save()
    assert authenticate(email=user.email, password="a long enough pass phrase") == user
    user.is_active = False
    user.save()
    assert authenticate(email=user.email, password="a long enough pass phrase") is None
