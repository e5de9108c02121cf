import pytest

from ogp.accounts import services
from ogp.accounts.models import Role, RoleRequest
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def test_a_user_requests_a_government_role_and_staff_approve_it(
    client_for, user, staff_user, country, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(user)
    response = client.post(
        "/en/account/role-request/",
        {"role": "government", "country": country.pk, "justification": "I lead OGP work."},
    )
    assert response.status_code == 302
    request = RoleRequest.objects.get(user=user)

    client = client_for(staff_user)
    page = client.get("/en/account/staff/").content.decode()
    assert "I lead OGP work." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/account/staff/role-requests/{request.pk}/decide/", {"decision": "approve"}
        )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.role, user.country) == (Role.GOVERNMENT, country)
    assert mailoutbox[-1].to == [user.email]
    assert AuditEvent.objects.filter(action="user.role_set", object_id=str(user.pk)).exists()


def test_declining_requires_a_reason_that_the_user_sees(client_for, user, staff_user, country):
    request = services.role_request_create(
        acting_user=user, role=Role.RESEARCHER, justification="IRM researcher"
    )
    client = client_for(staff_user)
    client.post(f"/en/account/staff/role-requests/{request.pk}/decide/", {"decision": "decline"})
    request.refresh_from_db()
    assert request.state == RoleRequest.State.PENDING
    client.post(
        f"/en/account/staff/role-requests/{request.pk}/decide/",
        {"decision": "decline", "reason": "Not an IRM researcher"},
    )
    request.refresh_from_db()
    assert request.state == RoleRequest.State.DECLINED
    page = client_for(user).get("/en/account/").content.decode()
    assert "Not an IRM researcher" in page


def test_government_role_needs_a_country_and_civil_society_an_organisation(user, staff_user):
    with pytest.raises(ServiceError):
        services.user_role_set(acting_user=staff_user, user=user, role=Role.GOVERNMENT)
    with pytest.raises(ServiceError):
        services.user_role_set(acting_user=staff_user, user=user, role=Role.CIVIL_SOCIETY)
    user.refresh_from_db()
    assert user.role == Role.PUBLIC


def test_one_pending_request_at_a_time(user):
    services.role_request_create(acting_user=user, role=Role.RESEARCHER, justification="x")
    with pytest.raises(ServiceError):
        services.role_request_create(acting_user=user, role=Role.RESEARCHER, justification="y")


def test_staff_change_a_role_from_the_user_page(client_for, staff_user, user):
    response = client_for(staff_user).post(
        f"/en/account/staff/users/{user.pk}/",
        {"role": "support_unit", "reason": "Joined the Support Unit"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.role == Role.SUPPORT_UNIT and user.is_staff
    event = AuditEvent.objects.get(action="user.role_set", object_id=str(user.pk))
    assert event.before["role"] == "public" and event.after["role"] == "support_unit"
    assert event.note == "Joined the Support Unit"


def test_staff_without_two_factor_are_sent_to_set_it_up(client_for):
    from ogp.accounts.tests.factories import StaffUserFactory

    staff = StaffUserFactory(two_factor=False)
    response = client_for(staff).get("/en/account/staff/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


def test_staff_with_two_factor_reach_their_pages(client_for, staff_user):
    assert client_for(staff_user).get("/en/account/staff/").status_code == 200


def test_profile_update_is_audited(client_for, user):
    response = client_for(user).post(
        "/en/account/",
        {"full_name": "New Name", "job_title": "Analyst", "preferred_language": "es"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("New Name", "es")
    assert AuditEvent.objects.filter(action="user.profile_update").count() == 1


def test_profile_edit_audit_records_the_stored_values_before_the_edit(client_for, user):
    """The profile form changes the user instance during is_valid(); the audit event's "before"
    must still be what was stored (it used to equal "after", with no changes listed)."""
    user.full_name, user.job_title, user.preferred_language = "Old Name", "Clerk", "en"
    user.save()
    client_for(user).post(
        "/en/account/",
        {"full_name": "New Name", "job_title": "Analyst", "preferred_language": "es"},
    )
    event = AuditEvent.objects.get(action="user.profile_update")
    assert event.before == {
        "full_name": "Old Name",
        "job_title": "Clerk",
        "preferred_language": "en",
        "time_zone": "",
    }
    assert event.after == {
        "full_name": "New Name",
        "job_title": "Analyst",
        "preferred_language": "es",
        "time_zone": "",
    }
    assert [field for field, _old, _new in event.changes()] == [
        "full_name",
        "job_title",
        "preferred_language",
    ]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("staff_user", ["/en/account/staff/", "/en/eligibility/staff/"]),
        ("government_user", ["/en/members/ZZA/joining/", "/en/eligibility/country/ZZA/"]),
        ("civil_society_user", ["/en/participate/forums/", "/en/participate/events/mine/"]),
        ("researcher_user", ["/en/eligibility/", "/en/members/"]),
        ("user", ["/en/participate/following/"]),
    ],
)
def test_profile_lists_next_steps_for_each_role(request, client_for, fixture, expected):
    html = client_for(request.getfixturevalue(fixture)).get("/en/account/").content.decode()
    assert "Your next steps" in html
    for url in expected:
        assert f'href="{url}"' in html, url
