"""Forums: creation, membership requests and decisions, members, meetings, documents."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import (
    audit_record,
    audited_create,
    audited_delete,
    audited_update,
    snapshot,
)
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail

from ..domain.balance import default_side
from ..domain.workflow import (
    RequestAction,
    RequestState,
    TransitionError,
    can_request_membership,
    request_transition,
)
from ..models import Forum, ForumMembership, Meeting, MeetingDocument, MembershipRequest
from .activity import activity_record

FORUM_FIELDS = ["name", "description", "rules_of_participation", "established_on", "website"]
MEETING_FIELDS = [
    "title",
    "date",
    "location",
    "agenda",
    "minutes",
    "is_cancelled",
    "other_attendees",
]

REQUEST_ERRORS = {
    "request_not_pending": lambda: _("This request has already been decided or withdrawn."),
    "reason_required": lambda: _("Give a reason for declining; the person will see it."),
}


def _unique_slug(base: str) -> str:
    root = slugify(base)[:100] or "forum"
    slug, n = root, 2
    while Forum.objects.filter(slug=slug).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


@transaction.atomic
def forum_create(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    country,
    name: str,
    rules_of_participation: str,
    established_on: date,
    description: str = "",
    website: str = "",
    coordinator=None,
    is_demo: bool = False,
) -> Forum:
    """Create a forum. ``coordinator`` (default: the acting user) becomes its first coordinator."""
    if not rules_of_participation.strip():
        raise ServiceError(_("A forum must publish its rules of participation."))
    forum = Forum.objects.create(
        country=country,
        name=name.strip(),
        slug=_unique_slug(f"{country.iso3}-{name}"),
        description=description.strip(),
        rules_of_participation=rules_of_participation.strip(),
        established_on=established_on,
        website=website,
        is_demo=is_demo,
    )
    coordinator = coordinator if coordinator is not None else acting_user
    if getattr(coordinator, "is_authenticated", False):
        ForumMembership.objects.create(
            forum=forum,
            user=coordinator,
            display_name=str(coordinator),
            organisation=coordinator.organisation,
            side=_side_for_user(coordinator),
            role=ForumMembership.Role.COORDINATOR,
            joined_on=timezone.localdate(),
        )
    audit_record(
        actor=acting_user,
        action=AuditAction.FORUM_CREATE,
        target=forum,
        after=snapshot(forum, FORUM_FIELDS),
    )
    activity_record(
        verb="forum_created", title=forum.name, url=forum.get_absolute_url(), forum=forum,
        actor=acting_user,
    )  # fmt: skip
    return forum


@transaction.atomic
def forum_update(*, acting_user, forum: Forum, **fields) -> Forum:  # type: ignore[no-untyped-def]
    unknown = set(fields) - set(FORUM_FIELDS)
    if unknown:
        raise ValueError(unknown)

    def apply(stored: Forum) -> None:
        for name, value in fields.items():
            setattr(stored, name, value.strip() if isinstance(value, str) else value)
        if not stored.rules_of_participation:
            raise ServiceError(_("A forum must publish its rules of participation."))

    # a ModelForm may have changed `forum` in memory: audited_update reads the stored row
    forum = audited_update(
        acting_user=acting_user,
        instance=forum,
        action=AuditAction.FORUM_UPDATE,
        fields=FORUM_FIELDS,
        apply=apply,
    )
    return forum


def _side_for_user(user) -> str:  # type: ignore[no-untyped-def]
    from ogp.accounts.models import Role

    if getattr(user, "role", None) == Role.GOVERNMENT:
        return "government"
    organisation = getattr(user, "organisation", None)
    return default_side(organisation.kind if organisation else None).value


@transaction.atomic
def membership_request_create(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    forum: Forum,
    motivation: str,
    side: str | None = None,
    organisation=None,
) -> MembershipRequest:
    is_member = forum.memberships.filter(user=acting_user).exists()
    pending = forum.requests.filter(user=acting_user, state=RequestState.PENDING).exists()
    refusal = can_request_membership(is_member=is_member, has_pending_request=pending)
    if refusal == "already_member":
        raise ServiceError(_("You are already a member of this forum."))
    if refusal == "already_pending":
        raise ServiceError(_("You already have a request waiting for the coordinators."))
    if not motivation.strip():
        raise ServiceError(_("Tell the coordinators why you want to join."))
    organisation = organisation if organisation is not None else acting_user.organisation
    request = MembershipRequest.objects.create(
        forum=forum,
        user=acting_user,
        organisation=organisation,
        side=side or _side_for_user(acting_user),
        motivation=motivation.strip(),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.FORUM_REQUEST_CREATE,
        target=request,
        after=snapshot(request, ["forum", "side", "state"]),
    )
    coordinators = [
        m.user
        for m in forum.memberships.filter(role=ForumMembership.Role.COORDINATOR).select_related(
            "user"
        )
        if m.user and m.user.is_active
    ]
    # A forum without a coordinator: the Support Unit decides, so it is told.
    from ogp.accounts.models import Role, User

    recipients = coordinators or list(User.objects.filter(role=Role.SUPPORT_UNIT, is_active=True))
    for person in recipients:
        send_templated_mail(
            to=[person.email],
            template="participation/email/request_received",
            context={
                "forum": forum,
                "request": request,
                "requester": acting_user,
                "no_coordinator": not coordinators,
            },
            language=person.preferred_language,
        )
    return request


def _decide(request: MembershipRequest, action: RequestAction, reason: str) -> str:
    try:
        return request_transition(RequestState(request.state), action, reason=reason).value
    except TransitionError as error:
        raise ServiceError(REQUEST_ERRORS[error.code]()) from error


@transaction.atomic
def membership_request_decide(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    request: MembershipRequest,
    approve: bool,
    reason: str = "",
) -> MembershipRequest:
    """Coordinators approve (the person becomes a member) or decline with a reason."""
    action = RequestAction.APPROVE if approve else RequestAction.DECLINE

    def apply(stored: MembershipRequest) -> None:
        stored.state = _decide(stored, action, reason)
        stored.decided_by = acting_user
        stored.decided_at = timezone.now()
        stored.decision_reason = reason.strip()

    request = audited_update(
        acting_user=acting_user,
        instance=request,
        action=AuditAction(f"forum_request.{action.value}"),
        fields=["state", "decision_reason"],
        also_save=["decided_by", "decided_at"],
        apply=apply,
    )
    forum = request.forum
    if approve:
        try:
            with transaction.atomic():
                ForumMembership.objects.create(
                    forum=forum,
                    user=request.user,
                    display_name=str(request.user),
                    organisation=request.organisation,
                    side=request.side,
                    joined_on=timezone.localdate(),
                )
        except IntegrityError as error:
            raise ServiceError(_("This person is already a member of the forum.")) from error
        activity_record(
            verb="member_joined", title=f"{request.user} — {forum.name}",
            url=forum.get_absolute_url(), forum=forum, actor=acting_user,
        )  # fmt: skip
    send_templated_mail(
        to=[request.user.email],
        template="participation/email/request_decided",
        context={"forum": forum, "request": request},
        language=request.user.preferred_language,
    )
    return request


@transaction.atomic
def membership_request_withdraw(*, acting_user, request: MembershipRequest) -> MembershipRequest:  # type: ignore[no-untyped-def]
    if request.user_id != acting_user.pk:
        raise ServiceError(_("Only the person who made a request can withdraw it."))
    return audited_update(
        acting_user=acting_user,
        instance=request,
        action=AuditAction.FORUM_REQUEST_WITHDRAW,
        fields=["state"],
        apply=lambda stored: setattr(stored, "state", _decide(stored, RequestAction.WITHDRAW, "")),
    )


@transaction.atomic
def forum_member_add(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    forum: Forum,
    display_name: str,
    side: str,
    organisation=None,
    role: str = ForumMembership.Role.MEMBER,
    user=None,
) -> ForumMembership:
    """Coordinators list a member (with or without an account on the platform)."""
    if not display_name.strip():
        raise ServiceError(_("Give the member's name."))
    if user is not None and forum.memberships.filter(user=user).exists():
        raise ServiceError(_("This person is already a member of the forum."))
    membership = ForumMembership.objects.create(
        forum=forum,
        user=user,
        display_name=display_name.strip(),
        organisation=organisation,
        side=side,
        role=role,
        joined_on=timezone.localdate(),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.FORUM_MEMBER_ADD,
        target=membership,
        after=snapshot(membership, ["display_name", "side", "role"]),
    )
    return membership


@transaction.atomic
def forum_member_update(
    *, acting_user, membership: ForumMembership, side: str, role: str
) -> ForumMembership:  # type: ignore[no-untyped-def]
    if (
        membership.role == ForumMembership.Role.COORDINATOR
        and role != ForumMembership.Role.COORDINATOR
        and not membership.forum.memberships.filter(role=ForumMembership.Role.COORDINATOR)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ServiceError(_("A forum needs at least one coordinator."))
    if role == ForumMembership.Role.COORDINATOR and membership.user_id is None:
        raise ServiceError(_("Only members with an account on the platform can coordinate."))
    return audited_update(
        acting_user=acting_user,
        instance=membership,
        action=AuditAction.FORUM_MEMBER_UPDATE,
        fields=["side", "role"],
        changes={"side": side, "role": role},
    )


@transaction.atomic
def forum_member_remove(*, acting_user, membership: ForumMembership) -> None:  # type: ignore[no-untyped-def]
    if (
        membership.role == ForumMembership.Role.COORDINATOR
        and not membership.forum.memberships.filter(role=ForumMembership.Role.COORDINATOR)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ServiceError(_("A forum needs at least one coordinator."))
    audited_delete(
        acting_user=acting_user,
        instance=membership,
        action=AuditAction.FORUM_MEMBER_REMOVE,
        fields=["display_name", "side", "role"],
        target=membership.forum,
    )


@transaction.atomic
def meeting_save(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    forum: Forum,
    meeting: Meeting | None = None,
    title: str,
    date: date,
    location: str = "",
    agenda: str = "",
    minutes: str = "",
    is_cancelled: bool = False,
    attendees=(),
    other_attendees: str = "",
) -> Meeting:
    """Create or update a meeting (agenda, minutes, attendance)."""
    creating = meeting is None
    if meeting is None:
        meeting = Meeting(forum=forum, is_demo=forum.is_demo)
    elif meeting.forum_id != forum.pk:
        raise ServiceError(_("This meeting belongs to another forum."))
    attendees = list(attendees)
    if any(a.forum_id != forum.pk for a in attendees):
        raise ServiceError(_("Attendance can only list members of this forum."))
    if minutes.strip() and date > timezone.localdate():
        raise ServiceError(_("Minutes can only be published once the meeting has taken place."))
    changes = {
        "title": title.strip(), "date": date, "location": location.strip(),
        "agenda": agenda.strip(), "minutes": minutes.strip(),
        "is_cancelled": is_cancelled, "other_attendees": other_attendees.strip(),
    }  # fmt: skip
    if creating:
        for name, value in changes.items():
            setattr(meeting, name, value)
        audited_create(
            acting_user=acting_user, instance=meeting, action=AuditAction.MEETING_CREATE,
            fields=MEETING_FIELDS,
        )  # fmt: skip
    else:
        meeting = audited_update(
            acting_user=acting_user, instance=meeting, action=AuditAction.MEETING_UPDATE,
            fields=MEETING_FIELDS, changes=changes,
        )  # fmt: skip
    meeting.attendees.set(attendees)
    activity_record(
        verb="meeting_scheduled" if creating else "meeting_updated",
        title=f"{meeting.title} ({meeting.date.isoformat()})",
        url=meeting.get_absolute_url(), forum=forum, actor=acting_user,
    )  # fmt: skip
    return meeting


@transaction.atomic
def meeting_document_add(*, acting_user, meeting: Meeting, title: str, file) -> MeetingDocument:  # type: ignore[no-untyped-def]
    from ogp.core.uploads import validate_pdf

    try:
        validate_pdf(file)
    except Exception as error:
        raise ServiceError(error.messages if hasattr(error, "messages") else str(error)) from error
    if not title.strip():
        raise ServiceError(_("Give the document a title."))
    document = MeetingDocument.objects.create(
        meeting=meeting, title=title.strip(), file=file, uploaded_by=acting_user
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.MEETING_DOCUMENT_ADD,
        target=document,
        after=snapshot(document, ["title", "file"]),
    )
    activity_record(
        verb="document_added", title=document.title, url=meeting.get_absolute_url(),
        forum=meeting.forum, actor=acting_user,
    )  # fmt: skip
    return document


@transaction.atomic
def meeting_document_delete(*, acting_user, document: MeetingDocument) -> None:  # type: ignore[no-untyped-def]
    audited_delete(
        acting_user=acting_user,
        instance=document,
        action=AuditAction.MEETING_DOCUMENT_DELETE,
        fields=["title", "file"],
        target=document.meeting,
    )
    document.file.delete(save=False)  # the row is gone: only the stored file remains


def forum_cadence_reminders_send(*, today: date | None = None) -> int:
    """E-mail coordinators when their forum becomes due soon, and again if it misses the rule.

    One e-mail per forum, deadline and status, however often the job runs. Returns the number
    of forums reminded.
    """
    from ..domain.cadence import CadenceStatus
    from ..selectors import annotated_forum_cadence, forum_list

    today = today or timezone.localdate()
    reminded = 0
    for forum in forum_list(today=today):
        cadence = annotated_forum_cadence(forum, today)
        if cadence.status not in (CadenceStatus.DUE_SOON, CadenceStatus.MISSED):
            continue
        if (
            forum.reminded_deadline == cadence.deadline
            and forum.reminded_status == cadence.status.value
        ):
            continue
        with transaction.atomic():
            Forum.objects.filter(pk=forum.pk).update(
                reminded_deadline=cadence.deadline, reminded_status=cadence.status.value
            )
            coordinators = ForumMembership.objects.filter(
                forum=forum, role=ForumMembership.Role.COORDINATOR, user__is_active=True
            ).select_related("user")
            for membership in coordinators:
                user = membership.user
                if user is None:
                    continue
                send_templated_mail(
                    to=[user.email],
                    template="participation/email/forum_cadence",
                    context={
                        "forum": forum,
                        "cadence": cadence,
                        "missed": cadence.status.value == "missed",
                    },
                    language=user.preferred_language,
                )
            audit_record(
                actor=None,
                action=AuditAction.FORUM_CADENCE_REMINDER,
                target=forum,
                after={"status": cadence.status.value, "deadline": cadence.deadline},
                note="six-month rule reminder sent by the scheduled job",
            )
        reminded += 1
    return reminded
