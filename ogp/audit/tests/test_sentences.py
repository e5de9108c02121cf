"""The trail reads as sentences in the reader's language, with labels instead of codes and ids."""

import pytest
from django.utils import translation

from ogp.accounts import services as account_services
from ogp.accounts.models import Role, RoleRequest
from ogp.accounts.tests.factories import UserFactory
from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.audit.presentation import describe
from ogp.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(staff_user, country):
    staff_user.full_name = "Marie Dupont"
    staff_user.save()
    organisation = Organisation.objects.create(
        name="Transparencia Uruguay", slug="transparencia-uruguay", country=country
    )
    applicant = UserFactory(full_name="Ana Pérez")
    request = RoleRequest.objects.create(
        user=applicant,
        role=Role.CIVIL_SOCIETY,
        organisation=organisation,
        justification="I coordinate the network.",
    )
    account_services.role_request_approve(acting_user=staff_user, request=request)
    return AuditEvent.objects.get(action=AuditAction.ROLE_REQUEST_APPROVE)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Marie Dupont approved the role Civil society member of Transparencia Uruguay"),
        (
            "fr",
            "Marie Dupont a approuvé le rôle Membre de la société civile de Transparencia Uruguay",
        ),
        (
            "es",
            "Marie Dupont aprobó el rol Miembro de la sociedad civil de Transparencia Uruguay",
        ),
    ],
)
def test_a_role_approval_reads_as_a_sentence(approved, language, expected):
    with translation.override(language):
        (view,) = describe([approved])
        assert view.sentence == expected


@pytest.mark.parametrize(
    ("language", "field", "before", "after"),
    [
        ("fr", "État", "En attente", "Approuvée"),
        ("es", "Estado", "Pendiente", "Aprobada"),
    ],
)
def test_changes_show_field_and_value_labels(approved, language, field, before, after):
    with translation.override(language):
        (view,) = describe([approved])
        changes = {c.field.capitalize(): (c.before, c.after) for c in view.changes}
        assert changes[field] == (before, after)


def test_related_rows_are_named_not_numbered(staff_user, country, client_for):
    organisation = Organisation.objects.create(name="Open Data Club", slug="odc", country=country)
    member = UserFactory(full_name="Ana Pérez")
    account_services.user_role_set(
        acting_user=staff_user,
        user=member,
        role=Role.CIVIL_SOCIETY,
        organisation=organisation,
    )
    html = client_for(staff_user).get("/fr/audit/").content.decode()
    assert "Open Data Club" in html
    assert f"→ {organisation.pk}<" not in html
    assert "user.role_set" not in html.split("<tbody>")[1]
