"""Reporting content, hiding it with a reason shown to its author, restoring it."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core.cache_middleware import bump_generation
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url

from ..domain.moderation import (
    ModerationAction,
    ModerationState,
    TransitionError,
    moderation_transition,
)
from ..models import ContentReport

HIDE_FIELDS = ["is_hidden", "hidden_reason"]
MODERATION_FIELDS = ["is_hidden", "hidden_reason", "hidden_at", "hidden_by"]


def _moderatable(obj) -> None:  # type: ignore[no-untyped-def]
    if not hasattr(obj, "is_hidden"):
        raise ValueError(f"{type(obj).__name__} cannot be moderated")


@transaction.atomic
def content_report(*, acting_user, obj, reason: str) -> ContentReport:  # type: ignore[no-untyped-def]
    _moderatable(obj)
    if not reason.strip():
        raise ServiceError(_("Say what is wrong with this content."))
    content_type = ContentType.objects.get_for_model(obj)
    if ContentReport.objects.filter(
        content_type=content_type, object_id=obj.pk, reporter=acting_user,
        state=ContentReport.State.OPEN,
    ).exists():  # fmt: skip
        raise ServiceError(_("You have already reported this; moderators will look at it."))
    report = ContentReport.objects.create(
        content_type=content_type, object_id=obj.pk, reporter=acting_user, reason=reason.strip()
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.CONTENT_REPORT_CREATE,
        target=report,
        after={"reason": report.reason},
    )
    return report


def _move(obj, action: ModerationAction, reason: str) -> bool:  # type: ignore[no-untyped-def]
    state = ModerationState.HIDDEN if obj.is_hidden else ModerationState.VISIBLE
    try:
        return moderation_transition(state, action, reason=reason) is ModerationState.HIDDEN
    except TransitionError as error:
        raise ServiceError(
            {
                "reason_required": _("Give the reason; the author will see it."),
                "already_hidden": _("This content is already hidden."),
                "not_hidden": _("This content is not hidden."),
            }[error.code]
        ) from error


def _resolve_reports(obj, *, acting_user, state: str) -> int:  # type: ignore[no-untyped-def]
    count = ContentReport.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
        state=ContentReport.State.OPEN,
    ).update(state=state, resolved_by=acting_user, resolved_at=timezone.now())  # fmt: skip
    # an update sends no post_save: the stored moderation queue must still drop the reports
    bump_generation()
    return count


@transaction.atomic
def content_hide(*, acting_user, obj, reason: str):  # type: ignore[no-untyped-def]
    _moderatable(obj)

    def hide(stored) -> None:  # type: ignore[no-untyped-def]
        stored.is_hidden = _move(stored, ModerationAction.HIDE, reason)
        stored.hidden_reason, stored.hidden_at = reason.strip(), timezone.now()
        stored.hidden_by = acting_user

    obj = audited_update(
        acting_user=acting_user,
        instance=obj,
        action=AuditAction.CONTENT_HIDE,
        fields=MODERATION_FIELDS,
        apply=hide,
    )
    _resolve_reports(obj, acting_user=acting_user, state=ContentReport.State.ACTIONED)
    _tell_authors(obj)
    return obj


def _tell_authors(obj) -> None:  # type: ignore[no-untyped-def]
    """E-mail the author(s) the moderators' reason, each in their language."""
    for author in get_user_model().objects.filter(pk__in=obj.author_ids(), is_active=True):
        with translation.override(author.preferred_language):
            url = f"{site_base_url()}{obj.get_absolute_url()}"
        send_templated_mail(
            to=[author.email],
            template="participation/email/content_hidden",
            context={"name": str(obj), "reason": obj.hidden_reason, "url": url},
            language=author.preferred_language,
        )


@transaction.atomic
def content_restore(*, acting_user, obj):  # type: ignore[no-untyped-def]
    _moderatable(obj)

    def restore(stored) -> None:  # type: ignore[no-untyped-def]
        stored.is_hidden = _move(stored, ModerationAction.RESTORE, "")
        stored.hidden_reason, stored.hidden_at, stored.hidden_by = "", None, None

    obj = audited_update(
        acting_user=acting_user,
        instance=obj,
        action=AuditAction.CONTENT_RESTORE,
        fields=MODERATION_FIELDS,
        apply=restore,
    )
    return obj


@transaction.atomic
def reports_dismiss(*, acting_user, obj) -> int:  # type: ignore[no-untyped-def]
    count = _resolve_reports(obj, acting_user=acting_user, state=ContentReport.State.DISMISSED)
    if not count:
        raise ServiceError(_("There are no open reports on this content."))
    audit_record(
        actor=acting_user,
        action=AuditAction.CONTENT_REPORTS_DISMISS,
        target=obj,
        note=f"{count} report(s)",
    )
    return count
