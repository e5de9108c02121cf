import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from ogp.audit.actions import LEGACY_ACTIONS, PREFIXED_ACTIONS, AuditAction
from ogp.audit.models import AuditEvent
from ogp.audit.services import audit_record, snapshot

pytestmark = pytest.mark.django_db


def test_audit_record_stores_actor_object_and_json_values(staff_user, country):
    country.membership_status_since = datetime.date(2026, 1, 2)
    event = audit_record(
        actor=staff_user,
        action=AuditAction.COUNTRY_MEMBERSHIP_STATUS_SET,
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
    event = audit_record(actor=None, action=AuditAction.COUNTRY_IMPORT, target=country)
    assert event.actor is None and event.actor_label == "system"


def test_staff_browse_the_history_of_an_object(client_for, staff_user, country, user):
    audit_record(
        actor=staff_user,
        action=AuditAction.COUNTRY_MEMBERSHIP_STATUS_SET,
        target=country,
        after={"a": 1},
    )
    audit_record(actor=staff_user, action=AuditAction.USER_ROLE_SET, target=user, after={"b": 2})
    content_type = ContentType.objects.get_for_model(country)
    url = f"/en/audit/{content_type.pk}/{country.pk}/"
    html = client_for(staff_user).get(url).content.decode()
    assert "changed the OGP status of Zedland" in html and "set the role of" not in html
    assert client_for(user).get(url).status_code == 403
    html = client_for(staff_user).get("/en/audit/?action=user.").content.decode()
    assert "set the role of" in html and "changed the OGP status" not in html
    assert AuditEvent.objects.count() == 2


def test_snapshot_of_an_empty_file_field_is_none(settings, tmp_path):
    from django.db.models.fields.files import FieldFile

    from ogp.audit.services import _jsonable

    class Holder:
        pass

    field = FieldFile(Holder(), type("F", (), {"storage": None, "name": "f"})(), None)
    assert _jsonable(field) is None


def test_an_action_outside_the_enumeration_is_refused(country):
    with pytest.raises(ValueError):
        audit_record(actor=None, action="country.something_new", target=country)  # type: ignore[arg-type]


def test_the_migration_maps_every_legacy_name_to_an_action():
    import importlib

    migration = importlib.import_module("ogp.audit.migrations.0002_action_enumeration")
    assert {old: str(new) for old, new in LEGACY_ACTIONS.items()} == migration.LEGACY_ACTIONS
    assert set(migration.LEGACY_ACTIONS.values()) <= set(AuditAction.values)


def test_plans_and_cocreation_names_map_to_actions():
    import importlib

    migration = importlib.import_module("ogp.audit.migrations.0004_plans_cocreation_action_names")
    assert {old: str(new) for old, new in PREFIXED_ACTIONS.items()} == migration.PREFIXED_ACTIONS
    assert set(migration.PREFIXED_ACTIONS.values()) <= set(AuditAction.values)


def test_the_migration_renames_stored_prefixed_names(country):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("ogp.audit.migrations.0004_plans_cocreation_action_names")
    content_type = ContentType.objects.get_for_model(country)
    stored = [
        AuditEvent.objects.create(
            action=old, content_type=content_type, object_id=str(country.pk), object_label="x"
        )
        for old in ("plans.progress.dispute", "cocreation.plan_open", "cycle.open")
    ]
    migration.forward(apps, None)
    assert [AuditEvent.objects.get(pk=e.pk).action for e in stored] == [
        AuditAction.PROGRESS_REVIEW_DISPUTE,
        AuditAction.COCREATION_PLAN_OPEN,
        AuditAction.CYCLE_OPEN,
    ]
    migration.backward(apps, None)
    assert AuditEvent.objects.get(pk=stored[1].pk).action == "cocreation.plan_open"


def test_a_prefixed_name_is_refused_now(country):
    with pytest.raises(ValueError):
        audit_record(actor=None, action="plans.plan.dates", target=country)  # type: ignore[arg-type]


def test_every_action_has_its_own_name():
    # an Enum member with a value already taken silently becomes an alias of the first one
    assert len(AuditAction.__members__) == len(set(AuditAction.values))


def test_every_action_sentence_names_the_actor():
    for action in AuditAction:
        assert "%(actor)s" in str(action.label), action


@pytest.mark.parametrize(
    "role",
    [
        "anonymous",
        "public",
        "government",
        "other_government",
        "civil_society",
        "researcher",
        "staff",
    ],
)
def test_audit_permission_grid(actors, role):
    assert actors[role].has_perm("audit.view_auditevent") is (role == "staff")


def test_audited_update_saves_also_save_without_auditing_it(staff_user):
    from ogp.audit.services import audited_update
    from ogp.organisations.tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Before", website="")
    audited_update(
        acting_user=staff_user,
        instance=organisation,
        action=AuditAction.ORGANISATION_UPDATE,
        fields=["name"],
        changes={"name": "After", "website": "https://example.org"},
        also_save=["website"],
    )
    organisation.refresh_from_db()
    assert (organisation.name, organisation.website) == ("After", "https://example.org")
    event = AuditEvent.objects.get(action=AuditAction.ORGANISATION_UPDATE)
    assert (event.before, event.after) == ({"name": "Before"}, {"name": "After"})


def test_audited_update_refused_by_apply_writes_nothing(staff_user):
    from ogp.audit.services import audited_update
    from ogp.core.errors import ServiceError
    from ogp.organisations.tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Kept")

    def refuse(row):  # type: ignore[no-untyped-def]
        row.name = "Changed"
        raise ServiceError("no")

    with pytest.raises(ServiceError):
        audited_update(
            acting_user=staff_user,
            instance=organisation,
            action=AuditAction.ORGANISATION_UPDATE,
            fields=["name"],
            apply=refuse,
        )
    organisation.refresh_from_db()
    assert organisation.name == "Kept"
    assert not AuditEvent.objects.filter(action=AuditAction.ORGANISATION_UPDATE).exists()


def test_audited_delete_records_the_stored_row_on_its_parent(staff_user, country):
    from ogp.audit.services import audited_delete
    from ogp.organisations.models import Organisation
    from ogp.organisations.tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Stored", country=country)
    organisation.name = "changed in memory, never saved"
    audited_delete(
        acting_user=staff_user,
        instance=organisation,
        action=AuditAction.PERSON_DELETE,
        fields=["name"],
        target=country,
    )
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.PERSON_DELETE)
    assert event.before == {"name": "Stored"}
    assert (event.object_id, event.after) == (str(country.pk), None)


def test_a_stored_name_where_a_key_belongs_is_shown_not_looked_up():
    # snapshots written by earlier code (or bulk-made rows) may hold a related row's name in
    # a foreign-key field: the trail shows it as written instead of failing on the lookup
    from ogp.audit.presentation import describe
    from ogp.eligibility.models import Cycle

    content_type = ContentType.objects.get_for_model(Cycle)
    event = AuditEvent.objects.create(
        action=AuditAction.CYCLE_OPEN,
        content_type=content_type,
        object_id="1",
        object_label="2014",
        before={"ruleset": "ogp-2014 v1"},
        after={"ruleset": 3},
    )
    (view,) = describe([event])
    assert [(c.before, c.after) for c in view.changes] == [("ogp-2014 v1", "3")]
