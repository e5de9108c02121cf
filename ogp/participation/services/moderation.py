"""Reporting content, hiding it with a reason shown to its author, restoring it."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url

from ..domain.workflow import (
    ModerationAction,
    ModerationState,
    TransitionError,
    moderation_transition,
)
from ..models import ContentReport

HIDE_FIELDS = ["is_hidden", "hidden_reason"]


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
        action="moderation.report",
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
    return ContentReport.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
        state=ContentReport.State.OPEN,
    ).update(state=state, resolved_by=acting_user, resolved_at=timezone.now())  # fmt: skip


@transaction.atomic
def content_hide(*, acting_user, obj, reason: str):  # type: ignore[no-untyped-def]
    _moderatable(obj)
    before = snapshot(obj, HIDE_FIELDS)
    obj.is_hidden = _move(obj, ModerationAction.HIDE, reason)
    obj.hidden_reason, obj.hidden_at, obj.hidden_by = reason.strip(), timezone.now(), acting_user
    obj.save(update_fields=["is_hidden", "hidden_reason", "hidden_at", "hidden_by"])
    _resolve_reports(obj, acting_user=acting_user, state=ContentReport.State.ACTIONED)
    audit_record(
        actor=acting_user, action="moderation.hide", target=obj, before=before,
        after=snapshot(obj, HIDE_FIELDS),
    )  # fmt: skip
    _tell_authors(obj)
    return obj


def _tell_authors(obj) -> None:  # type: ignore[no-untyped-def]
    """E-mail the author(s) the moderators' reason, each in their language."""

    from ogp.accounts.models import User

    for author in User.objects.filter(pk__in=obj.author_ids(), is_active=True):
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
    before = snapshot(obj, HIDE_FIELDS)
    obj.is_hidden = _move(obj, ModerationAction.RESTORE, "")
    obj.hidden_reason, obj.hidden_at, obj.hidden_by = "", None, None
    obj.save(update_fields=["is_hidden", "hidden_reason", "hidden_at", "hidden_by"])
    audit_record(
        actor=acting_user, action="moderation.restore", target=obj, before=before,
        after=snapshot(obj, HIDE_FIELDS),
    )  # fmt: skip
    return obj


@transaction.atomic
def reports_dismiss(*, acting_user, obj) -> int:  # type: ignore[no-untyped-def]
    count = _resolve_reports(obj, acting_user=acting_user, state=ContentReport.State.DISMISSED)
    if not count:
        raise ServiceError(_("There are no open reports on this content."))
    audit_record(
        actor=acting_user, action="moderation.dismiss", target=obj, note=f"{count} report(s)"
    )
    return count
