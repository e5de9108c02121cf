"""Finding 8: two people editing the same event or letter from stale forms do not overwrite
each other; the stale save is refused and says what changed."""

import pytest
from django.urls import reverse

from ogp.accounts.tests.factories import StaffUserFactory
from ogp.participation.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _form_data(response) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """The values a browser would send back from the rendered form."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        shown = field.widget.format_value(value)
        if shown is not None:
            data[name] = shown
    return data


def test_stale_event_edit_is_refused_and_shows_what_changed(client_for):
    event = EventFactory(title="Open data day", location="Hall A")
    url = reverse("participation:event-edit", args=[event.slug])
    ana, ben = StaffUserFactory(full_name="Ana Staff"), StaffUserFactory(full_name="Ben Staff")
    ana_form = _form_data(client_for(ana).get(url))
    ben_form = _form_data(client_for(ben).get(url))
    assert ana_form["version"] == ben_form["version"]

    response = client_for(ana).post(url, ana_form | {"location": "Hall B"})
    assert response.status_code == 302
    response = client_for(ben).post(url, ben_form | {"title": "Open data week"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "changed by someone else since you opened it" in page
    assert "Place, changed by Ana Staff, is now: Hall B" in page
    event.refresh_from_db()
    assert (event.title, event.location) == ("Open data day", "Hall B")

    # saving again from the refreshed form is a deliberate choice: it goes through
    again = _form_data(response)
    response = client_for(ben).post(url, again)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Open data week" and event.version == 3


def test_a_fresh_event_edit_saves(client_for, staff_user):
    event = EventFactory()
    url = reverse("participation:event-edit", args=[event.slug])
    data = _form_data(client_for(staff_user).get(url)) | {"title": "Renamed"}
    assert client_for(staff_user).post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Renamed" and event.version == 2
