"""Following any object, digest preferences, and recording activity for followers."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core.errors import ServiceError

from ..domain.digest import Frequency
from ..models import Activity, ActivityTarget, DigestPreference, Follow


def _generic(target: models.Model) -> dict[str, Any]:
    return {"content_type": ContentType.objects.get_for_model(target), "object_id": target.pk}


@transaction.atomic
def follow_create(*, acting_user: Any, target: models.Model) -> Follow:
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
