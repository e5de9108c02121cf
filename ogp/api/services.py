"""Creating and revoking API tokens (the account page and tests call these)."""

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record
from ogp.core.errors import ServiceError

from .models import ApiToken, Scope

TOKEN_PREFIX = "ogp_"  # noqa: S105 - a label, not a secret
MAX_ACTIVE_TOKENS = 20


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_create(*, acting_user: Any, name: str, scopes: list[str]) -> tuple[ApiToken, str]:
    """A new token for `acting_user`. Returns (token, secret): the secret is shown once and
    only its hash is stored."""
    if not getattr(acting_user, "is_authenticated", False):
        raise ServiceError(_("Sign in to create an API token."))
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("Give the token a name, so that you recognise it later."))
    unknown = sorted(set(scopes) - set(Scope.values))
    if unknown:
        raise ServiceError(_("Unknown scope: %(scopes)s.") % {"scopes": ", ".join(unknown)})
    if acting_user.api_tokens.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ServiceError(
            _("You have %(n)s active tokens; revoke one first.") % {"n": MAX_ACTIVE_TOKENS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=acting_user,
        name=name[:100],
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=token_hash(secret),
        scopes=sorted(set(scopes)),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.API_TOKEN_CREATE,
        target=token,
        after={"name": token.name, "scopes": token.scopes},
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, acting_user: Any, token: ApiToken) -> ApiToken:
    if token.user_id != getattr(acting_user, "pk", None):
        raise ServiceError(_("This token is not yours."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=acting_user, action=AuditAction.API_TOKEN_REVOKE, target=token)
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The active token with this secret, or None (constant work: one indexed lookup)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user", "user__country")
        .filter(key_hash=token_hash(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)  # at most once a minute
    return token
