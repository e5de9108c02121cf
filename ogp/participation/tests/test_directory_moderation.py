"""Directory: consent, per-field visibility, export and deletion; reporting and hiding content."""

import json

import pytest
from django.urls import reverse

from ogp.core.errors import ServiceError
from ogp.engagement.models import ContentReport
from ogp.engagement.services.moderation import content_hide, content_report, content_restore
from ogp.organisations.services import organisation_create
from ogp.participation.models import ConsentRecord, Person
from ogp.participation.services.directory import person_delete, person_save

from .factories import focus_area

pytestmark = pytest.mark.django_db


def _entry(user, **kwargs):
    data = {
        "consent": True, "full_name": "Ana Pérez", "job_title": "Researcher",
        "email": "ana.public@example.org", "phone": "+1 555 0100", "bio": "Budgets.",
        "public_fields": ["job_title"],
    } | kwargs  # fmt: skip
    return person_save(acting_user=user, **data)


def test_consent_is_required_and_recorded(user):
    with pytest.raises(ServiceError):
        _entry(user, consent=False)
    person = _entry(user)
    assert person.consent_given_at is not None
    assert ConsentRecord.objects.filter(user=user, purpose="directory", action="given").exists()


def test_only_chosen_fields_are_public(client_for, user, researcher_user):
    person = _entry(user)
    page = client_for(researcher_user).get(person.get_absolute_url()).content.decode()
    assert "Ana Pérez" in page and "Researcher" in page
    assert "ana.public@example.org" not in page and "+1 555 0100" not in page
    own = client_for(user).get(person.get_absolute_url()).content.decode()
    assert "ana.public@example.org" in own and "+1 555 0100" in own


def test_one_entry_per_user_and_only_own(user, researcher_user):
    person = _entry(user)
    with pytest.raises(ServiceError):
        _entry(user)
    with pytest.raises(ServiceError):
        person_save(acting_user=researcher_user, person=person, consent=True, full_name="X")


def test_export_json_contains_my_data(client_for, user):
    _entry(user, focus_areas=[focus_area("justice")])
    response = client_for(user).get(reverse("participation:my-data") + "?format=json")
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["directory_entry"]["full_name"] == "Ana Pérez"
    assert data["directory_entry"]["focus_areas"] == ["justice"]
    assert data["consents"][0]["purpose"] == "directory"


def test_delete_own_entry(client_for, user):
    person = _entry(user)
    response = client_for(user).post(reverse("participation:person-delete", args=[person.pk]))
    assert response.status_code == 302
    assert not Person.objects.exists()
    assert ConsentRecord.objects.filter(user=user, action="withdrawn").exists()


def test_others_cannot_delete(client_for, user, researcher_user):
    person = _entry(user)
    response = client_for(researcher_user).post(
        reverse("participation:person-delete", args=[person.pk])
    )
    assert response.status_code == 403
    with pytest.raises(ServiceError):
        person_delete(acting_user=researcher_user, person=person)


def test_search_and_filters(client, user, country):
    # focus areas published: a filter only finds what the entry shows (tests/security)
    _entry(
        user, country=country, focus_areas=[focus_area("justice")],
        public_fields=["job_title", "focus_areas"],
    )  # fmt: skip
    organisation_create(
        acting_user=None, name="Demo Justice Watch", kind="civil_society", country=country,
        focus_areas=[focus_area("justice")],
    )  # fmt: skip
    focus_area("environment")  # a valid choice whatever rows the migrations left
    url = reverse("participation:directory")
    page = client.get(url, {"focus_area": "justice", "country": country.iso3}).content.decode()
    assert "Ana Pérez" in page and "Demo Justice Watch" in page
    page = client.get(url, {"focus_area": "environment"}).content.decode()
    assert "Ana Pérez" not in page and "Demo Justice Watch" not in page
    page = client.get(url, {"q": "watch"}).content.decode()
    assert "Demo Justice Watch" in page and "Ana Pérez" not in page


def test_organisation_page_lists_people_forums_events(client, user, country):
    from .factories import EventFactory, ForumFactory, MembershipFactory

    organisation = organisation_create(
        acting_user=user, name="Demo Civic Lab", kind="civil_society", country=country
    )
    _entry(user, organisation=organisation)
    forum = ForumFactory(country=country, name="Demo national forum")
    MembershipFactory(forum=forum, organisation=organisation)
    EventFactory(organisation=organisation, title="Demo open day")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Ana Pérez" in page and "Demo national forum" in page and "Demo open day" in page


def test_report_hide_shows_reason_to_author_only(client_for, user, researcher_user, staff_user):
    person = _entry(user)
    response = client_for(researcher_user).post(
        reverse("engagement:report", args=["participation.person", person.pk]),
        {"reason": "Insulting text"},
    )
    assert response.status_code == 302
    queue = client_for(staff_user).get(reverse("engagement:moderation-queue")).content.decode()
    assert "Insulting text" in queue
    response = client_for(staff_user).post(
        reverse("engagement:moderation-act", args=["participation.person", person.pk]),
        {"action": "hide", "reason": "Personal attacks are not allowed."},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_hidden
    assert ContentReport.objects.get().state == "actioned"
    from django.core import mail

    assert mail.outbox[-1].to == [user.email]
    assert "Personal attacks are not allowed." in mail.outbox[-1].body
    assert client_for(researcher_user).get(person.get_absolute_url()).status_code == 404
    own = client_for(user).get(person.get_absolute_url()).content.decode()
    assert "Personal attacks are not allowed." in own
    listing = client_for(None).get(reverse("participation:directory")).content.decode()
    assert "Ana Pérez" not in listing


def test_hide_needs_reason_and_restore(staff_user, user):
    person = _entry(user)
    with pytest.raises(ServiceError):
        content_hide(acting_user=staff_user, obj=person, reason=" ")
    content_hide(acting_user=staff_user, obj=person, reason="Spam")
    content_restore(acting_user=staff_user, obj=person)
    person.refresh_from_db()
    assert not person.is_hidden and person.hidden_reason == ""


def test_one_open_report_per_reporter(user, researcher_user):
    person = _entry(user)
    content_report(acting_user=researcher_user, obj=person, reason="Spam")
    with pytest.raises(ServiceError):
        content_report(acting_user=researcher_user, obj=person, reason="Spam again")


def test_reporting_is_rate_limited(client_for, user, researcher_user):
    person = _entry(user)
    client = client_for(researcher_user)
    url = reverse("engagement:report", args=["participation.person", person.pk])
    statuses = [client.post(url, {"reason": ""}).status_code for _ in range(11)]
    assert statuses[-1] == 429


def test_only_listed_models_can_be_reported(client_for, researcher_user):
    response = client_for(researcher_user).get(
        reverse("engagement:report", args=["accounts.user", researcher_user.pk])
    )
    assert response.status_code == 404


def test_restore_from_the_queue(client_for, staff_user, user):
    person = _entry(user)
    content_hide(acting_user=staff_user, obj=person, reason="Spam")
    client = client_for(staff_user)
    queue = client.get(reverse("engagement:moderation-queue")).content.decode()
    assert "Ana Pérez" in queue and "Spam" in queue
    client.post(
        reverse("engagement:moderation-act", args=["participation.person", person.pk]),
        {"action": "restore"},
    )
    person.refresh_from_db()
    assert not person.is_hidden


def test_organisation_edit_permissions(client_for, user, researcher_user, staff_user, country):
    organisation = organisation_create(
        acting_user=user, name="Demo Watch", kind="civil_society", country=country
    )
    url = reverse("organisations:edit", args=[organisation.slug])
    assert client_for(None).get(url).status_code == 302
    assert client_for(researcher_user).get(url).status_code == 403
    assert client_for(user).get(url).status_code == 200  # its creator
    assert client_for(staff_user).get(url).status_code == 200


def test_organisation_update_audits_the_stored_values(client_for, user, country):
    from ogp.audit.models import AuditEvent

    organisation = organisation_create(
        acting_user=user, name="Demo Watch", kind="civil_society", country=country
    )
    client_for(user).post(
        reverse("organisations:edit", args=[organisation.slug]),
        {"name": "Demo Watch 2", "kind": "media", "country": country.pk},
    )
    event = AuditEvent.objects.filter(action="organisation.update").get()
    assert event.before["name"] == "Demo Watch" and event.after["name"] == "Demo Watch 2"


def test_entry_form_links_to_adding_an_organisation_and_to_my_data(client_for, user):
    client = client_for(user)
    page = client.get(reverse("participation:my-entry")).content.decode()
    assert reverse("organisations:create") in page
    assert reverse("participation:directory") in page, "a way back without saving"
    assert reverse("participation:my-data") not in page.split("<main", 1)[1].split("</main>")[0]
    _entry(user)
    page = client.get(reverse("participation:my-entry")).content.decode()
    assert reverse("participation:my-data") in page


def test_directory_captions_count_the_results(client, user, country):
    _entry(user, country=country)
    page = client.get(reverse("participation:directory"), HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert "1 person</caption>" in body
    assert "first 50 results" not in body
