"""Every participation page a visitor, a member or the Support Unit sees passes axe-core."""

import pytest

pytestmark = pytest.mark.browser


def _logged_in(chromium_browser, live_server, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = chromium_browser.new_context(base_url=live_server.url, locale="fr-FR")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context


def test_pages_are_accessible(
    chromium_browser, browser_page, live_server, assert_accessible, transactional_db
):
    from datetime import date

    from ogp.accounts.tests.factories import StaffUserFactory, UserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.engagement.services.moderation import content_report
    from ogp.organisations.services import organisation_create
    from ogp.participation.services.directory import person_save
    from ogp.participation.tests.factories import (
        CoordinatorFactory,
        EventFactory,
        ForumFactory,
        MeetingFactory,
        MembershipFactory,
    )

    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie",
                             name_es="Zedia", membership_status="not_eligible")  # fmt: skip
    forum = ForumFactory(country=country, established_on=date(2024, 1, 1))
    meeting = MeetingFactory(forum=forum, date=date(2024, 3, 1), agenda="1. Rules", minutes="Ok")
    member = MembershipFactory(forum=forum, side="government")
    meeting.attendees.add(member)
    staff = StaffUserFactory()
    CoordinatorFactory(forum=forum, user=staff)
    user = UserFactory()
    organisation = organisation_create(
        acting_user=user, name="Démo Observatoire", kind="civil_society", country=country
    )
    person = person_save(acting_user=user, consent=True, full_name="Ana Démo",
                         organisation=organisation, country=country)  # fmt: skip
    content_report(acting_user=staff, obj=person, reason="Test")
    event = EventFactory(country=country, capacity=1)

    page = browser_page
    for path in [
        "/fr/participate/",
        "/fr/participate/directory/",
        f"/fr/participate/directory/people/{person.pk}/",
        f"/fr/organisations/{organisation.slug}/",
        "/fr/participate/forums/",
        f"/fr/participate/forums/{forum.slug}/",
        f"/fr/participate/forums/{forum.slug}/meetings/{meeting.pk}/",
        "/fr/participate/events/",
        f"/fr/participate/events/{event.slug}/",
        f"/fr/participate/countries/{country.iso3}/",
        "/fr/participate/mailing-lists/",
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)

    context = _logged_in(chromium_browser, live_server, staff)
    staff_page = context.new_page()
    for path in [
        "/fr/participate/",
        "/fr/participate/staff/forums/",
        "/fr/participate/staff/mailing-lists/",
        "/fr/participate/staff/moderation/",
        f"/fr/participate/forums/{forum.slug}/requests/",
        f"/fr/participate/forums/{forum.slug}/meetings/{meeting.pk}/edit/",
        f"/fr/participate/events/{event.slug}/registrants/",
        "/fr/participate/events/new/",
        "/fr/participate/directory/my-entry/",
        "/fr/participate/following/",
        "/fr/participate/my-data/",
    ]:
        staff_page.goto(path)
        assert staff_page.locator("h1").count() == 1, path
        assert_accessible(staff_page)
    context.close()
