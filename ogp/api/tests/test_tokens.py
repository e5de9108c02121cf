"""API tokens: hashed at rest, shown once, scoped, revocable; the account page."""

import hashlib

import pytest

from ogp.api.models import ApiToken
from ogp.api.services import api_token_create, api_token_revoke
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def test_secret_is_hashed_at_rest(user):
    token, secret = api_token_create(acting_user=user, name="script", scopes=[])
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret.startswith("ogp_") and len(secret) > 40
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(stored.__dict__)
    assert AuditEvent.objects.filter(action="api_token.create").count() == 1


def test_bad_requests_for_tokens_are_refused(user, other_government_user):
    with pytest.raises(ServiceError):
        api_token_create(acting_user=user, name=" ", scopes=[])
    with pytest.raises(ServiceError):
        api_token_create(acting_user=user, name="x", scopes=["everything"])
    token, _ = api_token_create(acting_user=user, name="x", scopes=[])
    with pytest.raises(ServiceError):
        api_token_revoke(acting_user=other_government_user, token=token)


def test_revoked_token_no_longer_authenticates(client, user):
    token, secret = api_token_create(acting_user=user, name="x", scopes=[])
    header = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/countries/", **header).status_code == 200
    api_token_revoke(acting_user=user, token=token)
    refused = client.get("/api/v1/countries/", **header)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "authentication_failed"
    assert client.get("/api/v1/countries/", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


def test_account_page_creates_shows_once_and_revokes(client_for, user):
    client = client_for(user)
    page = client.get("/en/account/api-tokens/")
    assert page.status_code == 200
    created = client.post(
        "/en/account/api-tokens/", {"name": "nightly", "scopes": ["eligibility:evidence"]}
    )
    html = created.content.decode()
    token = ApiToken.objects.get(user=user)
    assert "ogp_" in html and created["Cache-Control"] == "no-store"
    assert token.scopes == ["eligibility:evidence"]
    again = client.get("/en/account/api-tokens/").content.decode()
    assert token.prefix in again and 'id="new-token"' not in again
    client.post(f"/en/account/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_token_cannot_be_revoked_from_the_page(client_for, user, researcher_user):
    token, _ = api_token_create(acting_user=researcher_user, name="x", scopes=[])
    response = client_for(user).post(f"/en/account/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/en/account/api-tokens/")
    assert response.status_code == 302 and "login" in response["Location"]
