"""Following any object, digest preferences, and recording activity for followers."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core.errors import ServiceError

from ..domain.digest import Frequency
from ..follow_targets import target_kind
from ..models import Activity, ActivityTarget, DigestPreference, Follow

# The salt of the digests' signed links; kept from when digests lived in participation, so the
# links in digests already sent keep working.
DIGEST_SALT = "ogp.participation.digest.settings"


def _generic(target: models.Model) -> dict[str, Any]:
    return {"content_type": ContentType.objects.get_for_model(target), "object_id": target.pk}


def _followable(target: models.Model) -> None:
    if target_kind(target) is None:
        raise ValueError(f"{type(target).__name__} is not a kind of object people can follow")


@transaction.atomic
def follow_create(*, acting_user: Any, target: models.Model) -> Follow:
    """Follow an object of a kind an app declared (the follow_targets hook), when its app lets
    this user follow it (``FollowTarget.followable``)."""
    _followable(target)
    kind = target_kind(target)
    if kind is not None and kind.followable and not kind.followable(acting_user, target):
        raise ServiceError(_("This cannot be followed."))
    try:
        with transaction.atomic():
            follow = Follow.objects.create(
                user=acting_user, created_at=timezone.now(), **_generic(target)
            )
    except IntegrityError as error:
        raise ServiceError(_("You already follow this.")) from error
    DigestPreference.objects.get_or_create(user=acting_user)
    audit_record(actor=acting_user, action=AuditAction.FOLLOW_CREATE, target=follow)
    return follow


@transaction.atomic
def follow_delete(*, acting_user: Any, target: models.Model) -> None:
    _followable(target)
    deleted, _detail = Follow.objects.filter(user=acting_user, **_generic(target)).delete()
    if not deleted:
        raise ServiceError(_("You do not follow this."))
    audit_record(
        actor=acting_user, action=AuditAction.FOLLOW_DELETE, target=acting_user, note=str(target)
    )


@transaction.atomic
def follows_stop_all(*, user: Any, note: str = "") -> int:
    count, _detail = Follow.objects.filter(user=user).delete()
    audit_record(actor=None, action=AuditAction.FOLLOW_STOP_ALL, target=user, note=note)
    return count


@transaction.atomic
def digest_preference_set(*, acting_user: Any, frequency: str) -> DigestPreference:
    if frequency not in {f.value for f in Frequency}:
        raise ServiceError(_("Choose daily or weekly."))
    preference, _created = DigestPreference.objects.get_or_create(user=acting_user)
    return audited_update(
        acting_user=acting_user,
        instance=preference,
        action=AuditAction.DIGEST_FREQUENCY_SET,
        fields=["frequency"],
        changes={"frequency": frequency},
    )


def digest_settings_token(user: Any) -> str:
    return signing.Signer(salt=DIGEST_SALT).sign(str(user.pk))


def user_from_digest_token(token: str) -> Any:
    try:
        pk = signing.Signer(salt=DIGEST_SALT).unsign(token)
    except signing.BadSignature as error:
        raise ServiceError(_("This link is not valid.")) from error
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise ServiceError(_("This link is not valid."))
    return user


@transaction.atomic
def digest_stop(*, token: str) -> None:
    """One-click stop from a digest: removes every follow of the user (signed link)."""
    user = user_from_digest_token(token)
    count = Follow.objects.filter(user=user).count()
    follows_stop_all(user=user, note=f"{count} follow(s) removed from the digest's stop link")


def strip_language(path: str) -> str:
    """Store paths without the /en/ /fr/ /es/ prefix; digests add the reader's language."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def activity_record(
    *,
    verb: str,
    title: str,
    targets: Iterable[models.Model | None],
    url: str = "",
    actor: Any = None,
) -> Activity:
    """Record one change on `targets` (most specific first; None skipped) for followers'
    digests. Called inside the service's transaction."""
    activity = Activity.objects.create(
        verb=verb,
        title=title[:300],
        url=strip_language(url)[:300],
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        occurred_at=timezone.now(),
    )
    ActivityTarget.objects.bulk_create(
        ActivityTarget(activity=activity, position=position, **_generic(target))
        for position, target in enumerate(t for t in targets if t is not None)
    )
    return activity
