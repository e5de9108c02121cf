from datetime import timedelta

import factory
from django.utils import timezone

from ogp.countries.tests.factories import CountryFactory
from ogp.participation.models import Event, Forum, ForumMembership, MailingList, Meeting


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    country = factory.SubFactory(CountryFactory)
    name = factory.Sequence(lambda n: f"Demo forum {n}")
    slug = factory.Sequence(lambda n: f"demo-forum-{n}")
    rules_of_participation = "Anyone working on open government may ask to join."
    established_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    is_demo = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumMembership

    forum = factory.SubFactory(ForumFactory)
    display_name = factory.Sequence(lambda n: f"Member {n}")
    side = "non_government"
    role = ForumMembership.Role.MEMBER
    joined_on = factory.LazyFunction(timezone.localdate)


class CoordinatorFactory(MembershipFactory):
    role = ForumMembership.Role.COORDINATOR


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    date = factory.LazyFunction(timezone.localdate)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = "national"
    title = factory.Sequence(lambda n: f"Demo event {n}")
    slug = factory.Sequence(lambda n: f"demo-event-{n}")
    description = "A fictional event."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    location = "Demo hall"
    capacity = 2
    is_demo = True


def civil_society_list() -> MailingList:
    """Created by a data migration; recreated if a transactional test flushed the tables."""
    mailing_list, _created = MailingList.objects.get_or_create(
        slug="civil-society", defaults={"kind": "civil_society"}
    )
    return mailing_list


def focus_area(code: str):  # type: ignore[no-untyped-def]
    from ogp.organisations.models import FocusArea

    return FocusArea.objects.get_or_create(code=code)[0]
