"""Shared helpers of the membership services: actors, permission checks, recipients, mail, URLs."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ogp.accounts.models import Role, User
from ogp.accounts.predicates import is_government_of_object_country, is_support_unit
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import lazy_absolute_url
from ogp.countries.models import Country

from ..domain.onboarding import HISTORIC_RULE, FirstPlanRule
from ..domain.status import Actor
from ..models import (
    Onboarding,
)

# The first action plan rule in force (see domain/onboarding.py and docs/membership.md).
FIRST_PLAN_RULE: FirstPlanRule = HISTORIC_RULE
INVITATION_SALT = "ogp.membership.invitation"
INVITATION_MAX_AGE = 14 * 24 * 3600

LETTER_FIELDS = [
    "language",
    "eligibility_confirmed",
    "endorses_declaration",
    "past_reforms",
    "responsible_name",
    "responsible_title",
    "responsible_ministry",
    "responsible_email",
    "signatory_name",
    "signatory_title",
    "signatory_agency",
    "signatory_is_ministerial",
    "head_of_government_authorisation",
    "authorised_by",
]
# FieldFiles are recorded by name: ogp.audit.services.snapshot cannot serialise a private file.
LETTER_AUDIT_FIELDS = [
    "state",
    *LETTER_FIELDS,
    "addressees",
    "eligibility_basis",
    "signed_pdf_name",
]


def actor_kind(user: Any) -> Actor:
    if getattr(user, "is_authenticated", False) and user.role == Role.SUPPORT_UNIT:
        return Actor.SUPPORT_UNIT
    if getattr(user, "is_authenticated", False) and user.role == Role.GOVERNMENT:
        return Actor.GOVERNMENT
    return Actor.SYSTEM


def _is_government_of(user: Any, country: Country) -> bool:
    # the same predicate as the views' permissions (ogp/membership/rules.py)
    return bool(is_government_of_object_country(user, country))


def _require_support_unit(user: Any) -> None:
    if not is_support_unit(user):
        raise ServiceError(_("Only Support Unit staff can do this."))


def _require_government_of(user: Any, country: Country) -> None:
    if not _is_government_of(user, country):
        raise ServiceError(
            _("Only government users of %(country)s can do this.") % {"country": country.name}
        )


def _send_later(recipients: Iterable[User], template: str, context: dict[str, Any]) -> None:
    """E-mail each recipient in their own language once the transaction has committed."""
    people = [u for u in recipients if u is not None and u.email and u.is_active]
    seen: set[str] = set()
    for person in people:
        if person.email in seen:
            continue
        seen.add(person.email)

        def send(person: User = person) -> None:
            send_templated_mail(
                to=[person.email],
                template=template,
                context={**context, "recipient": person},
                language=person.preferred_language,
            )

        transaction.on_commit(send)


def _support_unit_recipients(country: Country) -> list[User]:
    onboarding = (
        Onboarding.objects.filter(country=country).select_related("support_unit_contact").first()
    )
    if onboarding and onboarding.support_unit_contact and onboarding.support_unit_contact.is_active:
        return [onboarding.support_unit_contact]
    return list(User.objects.filter(role=Role.SUPPORT_UNIT, is_active=True))


def _government_recipients(country: Country) -> list[User]:
    return list(User.objects.filter(role=Role.GOVERNMENT, country=country, is_active=True))


def _government_recipients_of(country_ids: list[int]) -> list[User]:
    """``_government_recipients`` of several countries, in one query (ordered as it is)."""
    return list(
        User.objects.filter(role=Role.GOVERNMENT, country_id__in=country_ids, is_active=True)
    )


def _url(name: str, **kwargs: Any) -> str:
    """An absolute URL on the address the person used (the request's, else SITE_URL), reversed
    when the e-mail is rendered so it carries the language prefix of the recipient's e-mail."""
    return lazy_absolute_url(name, **kwargs)
