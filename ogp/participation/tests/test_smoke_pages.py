"""Every public and staff page renders (in the three languages) without error."""

import pytest
from django.urls import reverse

from .factories import CoordinatorFactory, EventFactory, ForumFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_public_pages_render(client, country, language):
    forum = ForumFactory(country=country)
    meeting = MeetingFactory(forum=forum)
    event = EventFactory(country=country)
    urls = [
        reverse("participation:overview"),
        reverse("participation:mailing-list-signup"),
        reverse("participation:forum-list"),
        reverse("participation:forum-detail", args=[forum.slug]),
        reverse("participation:meeting-detail", args=[forum.slug, meeting.pk]),
        reverse("participation:event-list"),
        reverse("participation:event-detail", args=[event.slug]),
        reverse("participation:directory"),
        reverse("participation:country", args=[country.iso3]),
    ]
    for url in urls:
        url = url.replace("/en/", f"/{language}/", 1)
        response = client.get(url)
        assert response.status_code == 200, url


def test_staff_pages_render(client_for, staff_user, country):
    forum = ForumFactory(country=country)
    CoordinatorFactory(forum=forum, user=staff_user)
    event = EventFactory()
    client = client_for(staff_user)
    for url in [
        reverse("participation:overview"),
        reverse("participation:staff-forums"),
        reverse("participation:staff-lists"),
        reverse("engagement:moderation-queue"),
        reverse("participation:event-create"),
        reverse("participation:event-edit", args=[event.slug]),
        reverse("participation:event-registrants", args=[event.slug]),
        reverse("participation:forum-requests", args=[forum.slug]),
        reverse("participation:forum-edit", args=[forum.slug]),
        reverse("participation:meeting-create", args=[forum.slug]),
        reverse("participation:forum-member-add", args=[forum.slug]),
        reverse("participation:forum-create"),
        reverse("engagement:follow-list"),
        reverse("participation:my-entry"),
        reverse("participation:my-data"),
        reverse("participation:my-registrations"),
        reverse("organisations:create"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_staff_home_links_to_participation_tools(client_for, staff_user):
    page = client_for(staff_user).get(reverse("accounts:staff-home")).content.decode()
    for name in [
        "participation:staff-forums", "participation:staff-lists",
        "engagement:moderation-queue", "participation:event-create",
    ]:  # fmt: skip
        assert reverse(name) in page


def test_every_table_scrolls_on_its_own_on_a_narrow_screen():
    """A table wider than a 375px phone scrolls inside its wrapper, not the whole page."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folders = [root / "participation/templates", root / "organisations/templates"]
    for template in [t for folder in folders for t in folder.rglob("*.html")]:
        text = template.read_text()
        for match in re.finditer(r"<table", text):
            before = text[: match.start()].rstrip()
            assert before.endswith('<div class="table-scroll">'), f"{template}: {match.start()}"


def test_forms_with_fields_leave_validation_to_the_server():
    """The browser's own "Please fill out this field" bubble speaks the browser's language, not
    the page's: forms with fields are `novalidate`, and the server answers in the page's."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    apps = ("membership", "participation", "organisations")
    folders = [root / f"{app}/templates" for app in apps]
    missing = []
    for template in [t for folder in folders for t in folder.rglob("*.html")]:
        text = template.read_text()
        for match in re.finditer(r"<form\b[^>]*>(.*?)</form>", text, re.S):
            tag = text[match.start() : text.find(">", match.start()) + 1]
            fields = re.search(r"core/form\.html|required|<textarea|type=\"email\"", match.group(1))
            if 'method="post"' in tag and fields and "novalidate" not in tag:
                missing.append(f"{template.name}: {tag}")
    assert not missing, missing


def test_post_addresses_that_show_errors_send_a_get_back(client_for, user, staff_user, country):
    """Event registration, request decisions and document uploads show their errors at their own
    address; opening it again (language switcher, reload) goes back to the page instead of a 405."""
    from .factories import EventFactory, ForumFactory, MeetingFactory

    event = EventFactory()
    forum = ForumFactory(country=country)
    meeting = MeetingFactory(forum=forum)
    pairs = [
        (client_for(user), reverse("participation:event-register", args=[event.slug]),
         event.get_absolute_url()),
        (client_for(staff_user), reverse("participation:forum-decide", args=[forum.slug, 1]),
         reverse("participation:forum-requests", args=[forum.slug])),
        (client_for(staff_user),
         reverse("participation:document-upload", args=[forum.slug, meeting.pk]),
         meeting.get_absolute_url()),
    ]  # fmt: skip
    for client, url, target in pairs:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == target


def test_link_and_secondary_buttons_keep_their_look():
    """The site stylesheet's `button[type=submit]` rule outranks `.link-button` and
    `.button-secondary`: those buttons rely on the default type (submit) instead."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    apps = ("membership", "participation", "organisations")
    for template in [t for app in apps for t in (root / app / "templates").rglob("*.html")]:
        text = template.read_text()
        assert 'type="submit" class="link-button"' not in text, template
        assert 'type="submit" class="button-secondary"' not in text, template
        assert 'class="button-secondary"' not in text, template
