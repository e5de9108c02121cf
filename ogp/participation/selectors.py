"""Reads for participation: each page runs a constant number of queries."""

from datetime import date

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
)
from django.db.models.functions import Cast, Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ogp.core.collation import localised_name_field, natural
from ogp.eligibility.selectors import country_eligibility_summary
from ogp.engagement.models import Follow
from ogp.organisations.models import Organisation

from .domain.balance import Balance, Side, forum_balance
from .domain.cadence import CadenceResult, forum_cadence
from .domain.guidance import EligibilityInput, Guidance, country_guidance
from .models import (
    Event,
    Forum,
    ForumMembership,
    MailingList,
    Meeting,
    MembershipRequest,
    Person,
    Registration,
    Subscription,
)

# --- forums -------------------------------------------------------------------------------


def forum_list(*, country=None, today: date | None = None) -> QuerySet[Forum]:  # type: ignore[no-untyped-def]
    """Forums with member counts per side and last/next meeting dates, one query.

    Subqueries (not joins) so that the cost does not grow with members x meetings.
    """
    today = today or timezone.localdate()

    def members(side: Side) -> Coalesce:
        counted = (
            ForumMembership.objects.filter(forum=OuterRef("pk"), side=side.value)
            .order_by()
            .values("forum")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

    held = Meeting.objects.filter(forum=OuterRef("pk"), is_cancelled=False).order_by()
    forums = Forum.objects.select_related("country").annotate(
        government_count=members(Side.GOVERNMENT),
        non_government_count=members(Side.NON_GOVERNMENT),
        last_held=Subquery(held.filter(date__lte=today).order_by("-date").values("date")[:1]),
        next_scheduled=Subquery(held.filter(date__gt=today).order_by("date").values("date")[:1]),
    )
    if country is not None:
        return forums.filter(country=country).order_by(natural("name"), "pk")
    return forums.order_by(natural(localised_name_field("country__")), natural("name"), "pk")


def forum_compliance_list(*, today: date | None = None) -> QuerySet[Forum]:
    """Every forum by its six-month deadline, earliest first: missed, then due soon, then the
    rest. The deadline is six months after the anchor (last meeting held, else establishment),
    so ordering by the anchor in the database orders by deadline."""
    return (
        forum_list(today=today)
        .annotate(anchor=Coalesce("last_held", "established_on"))
        .order_by("anchor", "pk")
    )


def annotated_forum_cadence(forum: Forum, today: date | None = None) -> CadenceResult:
    """Cadence from the annotations of :func:`forum_list` (no query)."""
    today = today or timezone.localdate()
    dates = [d for d in (forum.last_held, forum.next_scheduled) if d]  # type: ignore[attr-defined]
    return forum_cadence(established_on=forum.established_on, meeting_dates=dates, today=today)


def annotated_forum_balance(forum: Forum) -> Balance:
    return forum_balance(
        [Side.GOVERNMENT] * forum.government_count  # type: ignore[attr-defined]
        + [Side.NON_GOVERNMENT] * forum.non_government_count  # type: ignore[attr-defined]
    )


def forum_get(slug: str) -> Forum:
    return get_object_or_404(
        Forum.objects.select_related("country").prefetch_related(
            Prefetch(
                "memberships",
                queryset=ForumMembership.objects.select_related("organisation", "user"),
            ),
            Prefetch("meetings", queryset=Meeting.objects.prefetch_related("documents")),
        ),
        slug=slug,
    )


def forum_cadence_of(forum: Forum, today: date | None = None) -> CadenceResult:
    """Uses the prefetched meetings of :func:`forum_get`."""
    today = today or timezone.localdate()
    return forum_cadence(
        established_on=forum.established_on,
        meeting_dates=[m.date for m in forum.meetings.all() if not m.is_cancelled],
        today=today,
    )


def forum_balance_of(forum: Forum) -> Balance:
    return forum_balance(Side(m.side) for m in forum.memberships.all())


def forum_pending_requests(forum: Forum) -> QuerySet[MembershipRequest]:
    return forum.requests.filter(state=MembershipRequest.State.PENDING).select_related(
        "user", "organisation"
    )


def meeting_get(forum: Forum, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("forum", "forum__country").prefetch_related(
            "documents",
            Prefetch("attendees", queryset=ForumMembership.objects.select_related("organisation")),
        ),
        forum=forum,
        pk=pk,
    )


# --- events -------------------------------------------------------------------------------


def event_list(*, past: bool = False, kind: str = "", country=None) -> QuerySet[Event]:  # type: ignore[no-untyped-def]
    now = timezone.now()
    confirmed = (
        Registration.objects.filter(event=OuterRef("pk"), state=Registration.State.CONFIRMED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # a subquery per shown row, not a join and GROUP BY over every registration of every event
    events = Event.objects.select_related("country").annotate(
        confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), 0),
    )
    events = (
        events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        if past
        else events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    )
    if kind:
        events = events.filter(kind=kind)
    if country is not None:
        events = events.filter(country=country)
    return events


def event_get(slug: str) -> Event:
    return get_object_or_404(
        Event.objects.select_related("country", "forum", "organisation").annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__state="confirmed")),
            waiting_count=Count("registrations", filter=Q(registrations__state="waiting")),
        ),
        slug=slug,
    )


def registration_of(event: Event, user) -> Registration | None:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False):
        return None
    return event.registrations.filter(user=user).exclude(state=Registration.State.CANCELLED).first()


def waiting_position(registration: Registration) -> int | None:
    if registration.state != Registration.State.WAITING:
        return None
    return (
        registration.event.registrations.filter(state=Registration.State.WAITING)
        .filter(
            Q(registered_at__lt=registration.registered_at)
            | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def event_registrants(event: Event) -> QuerySet[Registration]:
    return event.registrations.select_related("user").order_by("state", "registered_at", "pk")


# --- mailing lists ------------------------------------------------------------------------


def mailing_lists_for_signup() -> QuerySet[MailingList]:
    return MailingList.objects.filter(is_active=True).select_related("country", "topic")


def mailing_list_subscribers(mailing_list: MailingList) -> QuerySet[Subscription]:
    return mailing_list.subscriptions.order_by("state", "email")


# --- directory ----------------------------------------------------------------------------


def organisation_directory(
    *, query: str = "", kind: str = "", country=None, focus_area=None
) -> QuerySet[Organisation]:  # type: ignore[no-untyped-def]
    """Visible organisations in alphabetical order; each filter has an index (see migrations)."""
    organisations = Organisation.objects.filter(is_hidden=False).select_related("country")
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(description__icontains=query)
        )
    if kind:
        organisations = organisations.filter(kind=kind)
    if country is not None:
        organisations = organisations.filter(country=country)
    if focus_area is not None:
        # EXISTS, not a join: no duplicate rows, so no DISTINCT over the whole result
        organisations = organisations.filter(
            Exists(
                Organisation.focus_areas.through.objects.filter(
                    organisation=OuterRef("pk"), focusarea=focus_area
                )
            )
        )
    return organisations.prefetch_related("focus_areas").order_by(natural("name"), "pk")


def people_list(
    *, query: str = "", country=None, focus_area=None, organisation=None, viewer=None
) -> QuerySet[Person]:  # type: ignore[no-untyped-def]
    people = Person.objects.select_related("organisation", "country").prefetch_related(
        "focus_areas"
    )
    people = people.filter(is_hidden=False)
    if query:
        people = people.filter(
            Q(full_name__icontains=query) | Q(organisation__name__icontains=query)
        )
    if country is not None:
        people = people.filter(country=country)
    if focus_area is not None:
        # Only entries that publish their focus areas can be found by them (the person's own
        # entry too, for them): a filter must not reveal what the page itself hides.
        published = Q(public_fields_text__contains='"focus_areas"')
        own = Q(user_id=viewer.pk) if getattr(viewer, "is_authenticated", False) else Q()
        people = people.annotate(public_fields_text=Cast("public_fields", TextField())).filter(
            (published | own) if own else published,
            Exists(
                Person.focus_areas.through.objects.filter(
                    person=OuterRef("pk"), focusarea=focus_area
                )
            ),
        )
    if organisation is not None:
        people = people.filter(organisation=organisation)
    return people.order_by(natural("full_name"), "pk")


def person_get(pk: int) -> Person:
    return get_object_or_404(
        Person.objects.select_related("organisation", "country", "user").prefetch_related(
            "focus_areas"
        ),
        pk=pk,
    )


def personal_data_export(user) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Everything participation holds about ``user`` (JSON-ready)."""
    from .models import ConsentRecord

    person = Person.objects.filter(user=user).prefetch_related("focus_areas").first()
    subscriptions = Subscription.objects.filter(Q(user=user) | Q(email__iexact=user.email))
    return {
        "directory_entry": None
        if person is None
        else {
            "full_name": person.full_name,
            "job_title": person.job_title,
            "organisation": person.organisation.name if person.organisation else None,
            "country": person.country.iso3 if person.country else None,
            "email": person.email,
            "phone": person.phone,
            "bio": person.bio,
            "focus_areas": [f.code for f in person.focus_areas.all()],
            "public_fields": person.public_fields,
            "consent_given_at": person.consent_given_at,
            "consent_text": person.consent_text,
        },
        "subscriptions": [
            {
                "list": s.mailing_list.slug,
                "email": s.email,
                "language": s.language,
                "state": s.state,
                "requested_at": s.requested_at,
                "confirmed_at": s.confirmed_at,
                "unsubscribed_at": s.unsubscribed_at,
            }
            for s in subscriptions.select_related("mailing_list")
        ],
        "consents": [
            {"purpose": c.purpose, "action": c.action, "text": c.text, "at": c.recorded_at}
            for c in ConsentRecord.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        ],
        "forum_memberships": [
            {"forum": m.forum.name, "role": m.role, "side": m.side, "joined_on": m.joined_on}
            for m in user.forum_memberships.select_related("forum")
        ],
        "forum_requests": [
            {
                "forum": r.forum.name,
                "state": r.state,
                "motivation": r.motivation,
                "decision_reason": r.decision_reason,
                "created_at": r.created_at,
            }
            for r in user.forum_requests.select_related("forum")
        ],
        "event_registrations": [
            {
                "event": r.event.title,
                "state": r.state,
                "accessibility_needs": r.accessibility_needs,
                "registered_at": r.registered_at,
            }
            for r in user.event_registrations.select_related("event")
        ],
        "follows": [
            str(f.target) for f in Follow.objects.filter(user=user).prefetch_related("target")
        ],
    }


# --- guidance -----------------------------------------------------------------------------


def eligibility_input(country) -> EligibilityInput | None:  # type: ignore[no-untyped-def]
    """Latest published eligibility summary (the shared dataclass), or None."""
    return country_eligibility_summary(country)


def guidance_for(country) -> Guidance:  # type: ignore[no-untyped-def]
    return country_guidance(
        status=country.membership_status,
        eligibility=eligibility_input(country),
        un_member=country.un_member,
    )
