import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from ogp.audit.models import AuditEvent
from ogp.audit.services import audit_record, snapshot

pytestmark = pytest.mark.django_db


def test_audit_record_stores_actor_object_and_json_values(staff_user, country):
    country.membership_status_since = datetime.date(2026, 1, 2)
    event = audit_record(
        actor=staff_user,
        action="country.test",
        target=country,
        before={"membership_status": "not_assessed"},
        after=snapshot(country, ["membership_status", "membership_status_since"]),
        note="why",
    )
    assert event.actor == staff_user and event.actor_label == str(staff_user)
    assert event.after == {
        "membership_status": "not_assessed",
        "membership_status_since": "2026-01-02",
    }
    assert event.changes() == [("membership_status_since", None, "2026-01-02")]
    assert event.object_label == "Zedland"


def test_system_changes_are_recorded_without_actor(country):
    event = audit_record(actor=None, action="country.import", target=country)
    assert event.actor is None and event.actor_label == "system"


def test_staff_browse_the_history_of_an_object(client_for, staff_user, country, user):
    audit_record(actor=staff_user, action="country.one", target=country, after={"a": 1})
    audit_record(actor=staff_user, action="user.other", target=user, after={"b": 2})
    content_type = ContentType.objects.get_for_model(country)
    url = f"/en/audit/{content_type.pk}/{country.pk}/"
    html = client_for(staff_user).get(url).content.decode()
    assert "country.one" in html and "user.other" not in html
    assert client_for(user).get(url).status_code == 403
    html = client_for(staff_user).get("/en/audit/?action=user.").content.decode()
    assert "user.other" in html and "country.one" not in html
    assert AuditEvent.objects.count() == 2


def test_snapshot_of_an_empty_file_field_is_none(settings, tmp_path):
    from django.db.models.fields.files import FieldFile

    from ogp.audit.services import _jsonable

    class Holder:
        pass

    field = FieldFile(Holder(), type("F", (), {"storage": None, "name": "f"})(), None)
    assert _jsonable(field) is None
