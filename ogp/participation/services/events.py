"""Events: saving, registration with waiting list, cancellation that promotes the next person."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.concurrency import bump_version, check_version
from ogp.audit.services import audit_record, audited_create, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url

from ..domain.waitlist import RegistrationState, Seat, promotions, state_for_new_registration
from ..ical import event_calendar
from ..models import Event, Registration
from .activity import activity_record

EVENT_FIELDS = [
    "kind", "title", "description", "starts_at", "ends_at", "time_zone", "location", "online_url",
    "country", "capacity", "registration_open",
]  # fmt: skip


def _unique_slug(base: str, exclude_pk=None) -> str:  # type: ignore[no-untyped-def]
    root = slugify(base)[:100] or "event"
    slug, n = root, 2
    while Event.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


def _check_event(fields: dict) -> None:  # type: ignore[type-arg]
    if fields["ends_at"] < fields["starts_at"]:
        raise ServiceError(_("The event cannot end before it starts."))
    if not fields.get("location") and not fields.get("online_url"):
        raise ServiceError(_("Give a place, an online link, or both."))


@transaction.atomic
def event_save(
    *,
    acting_user,
    event: Event | None = None,
    is_demo: bool = False,
    expected_version: int | None = None,
    **fields,
) -> Event:  # type: ignore[no-untyped-def]
    """Create or update an event. Raising the capacity promotes people from the waiting list.

    `expected_version` is the version the edit form was opened at; a newer stored version means
    someone else saved in between, and the save is refused (StaleEditError) instead of
    overwriting their changes."""
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(unknown)
    creating = event is None
    if event is None:
        event = Event(is_demo=is_demo)
        merged = fields
    else:
        merged = {name: getattr(event, name) for name in EVENT_FIELDS} | fields
        event = Event.objects.select_for_update().get(pk=event.pk)
        check_version(event, expected_version, EVENT_FIELDS)
        merged = {name: getattr(event, name) for name in EVENT_FIELDS} | fields
    _check_event(merged)
    if creating:
        for name, value in fields.items():
            setattr(event, name, value)
        event.slug = _unique_slug(f"{event.title}-{event.starts_at:%Y}")
        audited_create(
            acting_user=acting_user, instance=event, action=AuditAction.EVENT_CREATE,
            fields=[*EVENT_FIELDS, "version"],
        )  # fmt: skip
    else:
        event = audited_update(
            acting_user=acting_user, instance=event, action=AuditAction.EVENT_UPDATE,
            fields=[*EVENT_FIELDS, "version"], changes=fields, apply=bump_version,
        )  # fmt: skip
    activity_record(
        verb="event_published" if creating else "event_updated", title=event.title,
        url=event.get_absolute_url(), event=event, actor=acting_user,
    )  # fmt: skip
    if not creating:
        _promote_waiting(event, acting_user=acting_user)
    return event


def _seats(event: Event) -> list[Seat]:
    return [
        Seat(key=r.pk, registered_at=r.registered_at, state=RegistrationState(r.state))
        for r in event.registrations.exclude(state=Registration.State.CANCELLED)
    ]


def _send_registration_mail(registration: Registration, template: str) -> None:
    from django.urls import reverse
    from django.utils import translation

    event = registration.event
    with translation.override(registration.language):
        event_path = reverse("participation:event-detail", args=[event.slug])
        ics_path = reverse("participation:event-ics", args=[event.slug])
    send_templated_mail(
        to=[registration.email],
        template=f"participation/email/{template}",
        context={
            "registration": registration,
            "event": event,
            "recipient": registration.user,  # their time zone, if set
            "event_url": f"{site_base_url()}{event_path}",
            "ics_url": f"{site_base_url()}{ics_path}",
        },
        language=registration.language,
        attachments=[(f"{event.slug}.ics", event_calendar([event]), "text/calendar")],
    )


@transaction.atomic
def registration_create(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    event: Event,
    accessibility_needs: str = "",
    organisation_name: str = "",
) -> Registration:
    """Register the acting user: a seat if one is free, otherwise the waiting list."""
    event = Event.objects.select_for_update().get(pk=event.pk)  # one registration at a time
    if not event.registration_open:
        raise ServiceError(_("Registration for this event is closed."))
    if event.ends_at < timezone.now():
        raise ServiceError(_("This event is over."))
    confirmed = event.registrations.filter(state=Registration.State.CONFIRMED).count()
    state = state_for_new_registration(event.capacity, confirmed)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                user=acting_user,
                name=str(acting_user),
                email=acting_user.email,
                organisation_name=organisation_name.strip()
                or (acting_user.organisation.name if acting_user.organisation else ""),
                accessibility_needs=accessibility_needs.strip(),
                language=getattr(acting_user, "preferred_language", "en") or "en",
                state=state.value,
                registered_at=timezone.now(),
            )
    except IntegrityError as error:
        raise ServiceError(_("You are already registered for this event.")) from error
    audit_record(
        actor=acting_user,
        action=AuditAction.EVENT_REGISTRATION_CREATE,
        target=registration,
        after=snapshot(registration, ["state"]),
    )
    _send_registration_mail(
        registration,
        "registration_confirmed"
        if state is RegistrationState.CONFIRMED
        else "registration_waiting",
    )
    return registration


def _promote_waiting(event: Event, *, acting_user) -> list[Registration]:  # type: ignore[no-untyped-def]
    keys = promotions(event.capacity, _seats(event))
    ids = [int(str(key)) for key in keys]
    promoted = list(Registration.objects.filter(pk__in=ids).order_by("registered_at", "pk"))
    now = timezone.now()
    for registration in promoted:
        audited_update(
            acting_user=acting_user,
            instance=registration,
            action=AuditAction.EVENT_REGISTRATION_PROMOTE,
            fields=["state"],
            changes={"state": Registration.State.CONFIRMED, "promoted_at": now},
            also_save=["promoted_at"],
            note="a seat became free",
        )
        _send_registration_mail(registration, "registration_promoted")
    return promoted


@transaction.atomic
def registration_cancel(*, acting_user, registration: Registration) -> list[Registration]:  # type: ignore[no-untyped-def]
    """Cancel a registration; the freed seat goes to the next person on the waiting list.

    Returns the registrations promoted from the waiting list.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.state == Registration.State.CANCELLED:
        raise ServiceError(_("This registration is already cancelled."))
    audited_update(
        acting_user=acting_user,
        instance=registration,
        action=AuditAction.EVENT_REGISTRATION_CANCEL,
        fields=["state"],
        changes={"state": Registration.State.CANCELLED, "cancelled_at": timezone.now()},
        also_save=["cancelled_at"],
    )
    return _promote_waiting(event, acting_user=acting_user)
