"""Writes to accounts: profile, roles and role requests (each audited)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url
from ogp.countries.models import Country
from ogp.organisations.models import Organisation

from .models import Role, RoleRequest, User

ROLE_FIELDS = ["role", "country", "organisation", "is_staff"]


def _check_role_requirements(role: str, country: Country | None, organisation) -> None:  # type: ignore[no-untyped-def]
    if role == Role.GOVERNMENT and country is None:
        raise ServiceError(_("A government point of contact must be tied to a country."))
    if role == Role.CIVIL_SOCIETY and organisation is None:
        raise ServiceError(_("A civil society member must be tied to an organisation."))


@transaction.atomic
def user_role_set(
    *,
    acting_user: User,
    user: User,
    role: str,
    country: Country | None = None,
    organisation: Organisation | None = None,
    reason: str = "",
) -> User:
    """Give `user` a role. Support Unit staff also get access to the admin site."""
    if role not in Role.values:
        raise ServiceError(_("Unknown role: %(role)s") % {"role": role})
    _check_role_requirements(role, country, organisation)

    def apply(stored: User) -> None:
        stored.role = role
        stored.country = country if role == Role.GOVERNMENT else None
        stored.organisation = organisation if role == Role.CIVIL_SOCIETY else None
        stored.is_staff = role == Role.SUPPORT_UNIT or stored.is_superuser

    return audited_update(
        acting_user=acting_user,
        instance=user,
        action=AuditAction.USER_ROLE_SET,
        fields=ROLE_FIELDS,
        apply=apply,
        note=reason,
    )


@transaction.atomic
def user_profile_update(
    *,
    acting_user: User,
    user: User,
    full_name: str,
    job_title: str,
    preferred_language: str,
    time_zone: str | None = None,
) -> User:
    fields = ["full_name", "job_title", "preferred_language"]
    changes = {
        "full_name": full_name.strip(),
        "job_title": job_title.strip(),
        "preferred_language": preferred_language,
    }
    if time_zone is not None:
        fields.append("time_zone")
        changes["time_zone"] = time_zone
    return audited_update(
        acting_user=acting_user,
        instance=user,
        action=AuditAction.USER_PROFILE_UPDATE,
        fields=fields,
        changes=changes,
    )


@transaction.atomic
def role_request_create(
    *,
    acting_user: User,
    role: str,
    justification: str,
    country: Country | None = None,
    organisation: Organisation | None = None,
) -> RoleRequest:
    if role not in (Role.GOVERNMENT, Role.CIVIL_SOCIETY, Role.RESEARCHER):
        raise ServiceError(_("This role cannot be requested."))
    _check_role_requirements(role, country, organisation)
    if RoleRequest.objects.filter(user=acting_user, state=RoleRequest.State.PENDING).exists():
        raise ServiceError(
            _("You already have a pending request; wait for the Support Unit's answer.")
        )
    request = RoleRequest.objects.create(
        user=acting_user,
        role=role,
        country=country,
        organisation=organisation,
        justification=justification.strip(),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.ROLE_REQUEST_CREATE,
        target=request,
        after=snapshot(request, ["role", "country", "organisation", "state"]),
    )
    base_url = site_base_url()  # the address the requester used, for the staff's link
    for person in User.objects.filter(role=Role.SUPPORT_UNIT, is_active=True):

        def send(person: User = person) -> None:
            send_templated_mail(
                to=[person.email],
                template="accounts/email/role_request_received",
                context={"request_obj": request, "recipient": person, "base_url": base_url},
                language=person.preferred_language,
            )

        transaction.on_commit(send)
    return request


def _decide(*, acting_user: User, request: RoleRequest, state: str, reason: str) -> RoleRequest:
    def apply(stored: RoleRequest) -> None:
        if stored.state != RoleRequest.State.PENDING:
            raise ServiceError(_("This request has already been decided."))
        stored.state = state
        stored.decision_reason = reason.strip()
        stored.decided_by = acting_user
        stored.decided_at = timezone.now()

    request = audited_update(
        acting_user=acting_user,
        instance=request,
        action=AuditAction.ROLE_REQUEST_APPROVE
        if state == RoleRequest.State.APPROVED
        else AuditAction.ROLE_REQUEST_DECLINE,
        # role and whom it is for are in both snapshots: the trail names them, the changes do not
        fields=["role", "country", "organisation", "state", "decision_reason"],
        also_save=["decided_by", "decided_at"],
        apply=apply,
    )
    user = request.user
    transaction.on_commit(
        lambda: send_templated_mail(
            to=[user.email],
            template="accounts/email/role_request_decided",
            context={"request_obj": request, "user": user},
            language=user.preferred_language,
        )
    )
    return request


@transaction.atomic
def role_request_approve(
    *, acting_user: User, request: RoleRequest, reason: str = ""
) -> RoleRequest:
    request = _decide(
        acting_user=acting_user, request=request, state=RoleRequest.State.APPROVED, reason=reason
    )
    user_role_set(
        acting_user=acting_user,
        user=request.user,
        role=request.role,
        country=request.country,
        organisation=request.organisation,
        reason=_("Role request approved"),
    )
    return request


@transaction.atomic
def role_request_decline(*, acting_user: User, request: RoleRequest, reason: str) -> RoleRequest:
    if not reason.strip():
        raise ServiceError(_("Give the reason for declining."))
    return _decide(
        acting_user=acting_user, request=request, state=RoleRequest.State.DECLINED, reason=reason
    )
