"""Permissions are role rules: a signed-in page never reads Django's permission tables."""

import pytest
from django.contrib.auth import authenticate
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# every test runs with the shared copy of the user's row alone and with each worker's own
# copy too (kept while the accounts generation stands)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_copy_tier")]


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


def _user_queries(queries):  # type: ignore[no-untyped-def]
    return [q for q in queries.captured_queries if 'FROM "accounts_user"' in q["sql"]]


def test_the_signed_in_user_is_read_from_the_cache_after_the_first_page(client_for, user):  # type: ignore[no-untyped-def]
    client = client_for(user)
    client.get(reverse("participation:forum-list"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("participation:forum-list"))
    assert response.status_code == 200
    assert response.wsgi_request.user == user
    assert not _user_queries(queries)


def test_a_saved_change_to_the_user_shows_on_the_next_page(client_for, user):  # type: ignore[no-untyped-def]
    client = client_for(user)
    client.get(reverse("participation:forum-list"))
    user.full_name = "Renamed"
    user.save()
    response = client.get(reverse("participation:forum-list"))
    assert response.wsgi_request.user.full_name == "Renamed"


def test_a_deactivated_user_is_signed_out_at_once(client_for, user):  # type: ignore[no-untyped-def]
    client = client_for(user)
    assert client.get(reverse("participation:forum-list")).wsgi_request.user.is_authenticated
    user.is_active = False
    user.save()
    response = client.get(reverse("participation:forum-list"))
    assert not response.wsgi_request.user.is_authenticated


def test_a_password_change_ends_other_sessions(client_for, user):  # type: ignore[no-untyped-def]
    client = client_for(user)
    assert client.get(reverse("participation:forum-list")).wsgi_request.user.is_authenticated
    user.set_password("another long pass phrase")
    user.save()
    response = client.get(reverse("participation:forum-list"))
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db(transaction=True)
def test_the_copy_is_dropped_again_when_the_change_commits(user):  # type: ignore[no-untyped-def]
    # a reader between the save and the commit stores the old row; the commit drops it
    from django.core.cache import cache
    from django.db import transaction

    from ogp.accounts.backends import PasswordBackend, _user_key

    backend = PasswordBackend()
    stale = user.__class__.objects.get(pk=user.pk)  # the row as another worker read it
    with transaction.atomic():
        user.full_name = "Inside"
        user.save()
        cache.set(_user_key(user.pk), stale)  # ... and stored before this commit
    assert cache.get(_user_key(user.pk)) is None
    assert backend.get_user(user.pk).full_name == "Inside"


def test_a_deleted_user_is_not_found(user):  # type: ignore[no-untyped-def]
    from ogp.accounts.backends import PasswordBackend

    backend = PasswordBackend()
    assert backend.get_user(user.pk) == user
    pk = user.pk
    user.delete()
    assert backend.get_user(pk) is None
