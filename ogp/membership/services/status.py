"""Membership status changes through the state machine, by staff and from eligibility cycles."""

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ogp.accounts.models import User
from ogp.core.errors import ServiceError
from ogp.core.summaries import CyclePublished, EligibilitySummary
from ogp.countries.models import Country, MembershipStatus, MembershipStatusChange
from ogp.countries.services import country_membership_status_set

from .. import selectors
from ..domain import status as status_rules
from ..domain.status import Actor, StatusFacts
from ..refusals import STATUS_REASONS
from ..selectors import eligibility_from_summary
from .common import (
    _government_recipients,
    _government_recipients_of,
    _send_later,
    _url,
    actor_kind,
)

# --- Membership status --------------------------------------------------------------------


def status_refusal_message(decision: status_rules.Decision) -> str:
    reasons: dict[str, Any] = {str(k): v for k, v in STATUS_REASONS.items()}
    message = str(reasons.get(decision.reason, _("This change of status is not allowed.")))
    if decision.reason == status_rules.Refusal.NO_SUCH_TRANSITION:
        labels = dict(MembershipStatus.choices)
        message = message % {
            "from": labels[decision.source.value],
            "to": labels[decision.target.value],
        }
    return message


def transition_refusal(source: str, target: str) -> str:
    """The `membership_transition_check` hook: every write of a country's status (in
    ogp.countries) follows an edge of the state machine; who may take it, and on which facts,
    is decided before, by `membership_status_change`."""
    src, dst = status_rules.Status(source), status_rules.Status(target)
    if src == dst:
        reason = status_rules.Refusal.SAME_STATUS
    elif status_rules.transition_for(src, dst) is None:
        reason = status_rules.Refusal.NO_SUCH_TRANSITION
    else:
        return ""
    return status_refusal_message(
        status_rules.Decision(False, src, dst, status_rules.Actor.SYSTEM, reason)
    )


@transaction.atomic
def membership_status_change(
    *,
    acting_user: User | None,
    country: Country,
    target: str,
    facts: StatusFacts,
    reason: str,
    effective_date: datetime.date | None = None,
    actor: Actor | None = None,
    notify: bool = True,
    recipients: list[User] | None = None,
) -> MembershipStatusChange:
    """Move a country to ``target`` if OGP's process allows it (see domain/status.py).

    The country's government users are told by e-mail, unless one of them made the change or
    the caller sends its own, more specific e-mail (``notify=False``). ``recipients``: those
    users, when the caller has already read them (a cycle publication reads every country's at
    once); otherwise they are read here.
    """
    kind = actor or actor_kind(acting_user)
    country = Country.objects.select_for_update().get(pk=country.pk)
    decision = status_rules.decide(
        status_rules.Status(country.membership_status), status_rules.Status(target), kind, facts
    )
    if not decision.allowed:
        raise ServiceError(status_refusal_message(decision), code=decision.reason)
    change = country_membership_status_set(
        acting_user=acting_user,
        country=country,
        status=target,
        reason=reason,
        effective_date=effective_date,
    )
    if notify and kind != Actor.GOVERNMENT:
        _send_later(
            _government_recipients(country) if recipients is None else recipients,
            "membership/email/status_changed",
            {
                "country": country,
                "change": change,
                "url": _url("membership:workspace", iso3=country.iso3),
            },
        )
    return change


@transaction.atomic
def membership_status_sync_eligibility(
    *, acting_user: User | None, country: Country
) -> MembershipStatusChange | None:
    """Apply what the latest published eligibility cycle implies for the country's status.

    Returns the change, or None when the cycle implies none (or no cycle covers the country).
    """
    country = Country.objects.select_for_update().get(pk=country.pk)
    return _status_apply_summary(
        acting_user=acting_user, country=country, summary=selectors.eligibility_summary(country)
    )


@transaction.atomic
def membership_statuses_apply_cycle(*, acting_user: User | None, event: CyclePublished) -> None:
    """The `cycle_published` hook: the newest published cycle moves countries' OGP status
    (eligible, not eligible, Eligibility Review) through the state machine, in the publishing
    transaction. Publishing an older cycle (back-filling history) changes no current status.
    Reads the summaries the event carries: one query for the countries, then writes only for the
    countries whose status moves."""
    if not event.newest:
        return
    # the government users to tell, of every country at once (one query, not one per change)
    recipients: dict[int, list[User]] = {}
    for user in _government_recipients_of(list(event.summaries)):
        recipients.setdefault(user.country_id, []).append(user)  # type: ignore[arg-type]
    for country in Country.objects.select_for_update().filter(pk__in=list(event.summaries)):
        _status_apply_summary(
            acting_user=acting_user,
            country=country,
            summary=event.summaries[country.pk],
            recipients=recipients.get(country.pk, []),
        )


def _status_apply_summary(
    *,
    acting_user: User | None,
    country: Country,
    summary: EligibilitySummary | None,
    recipients: list[User] | None = None,
) -> MembershipStatusChange | None:
    if summary is None:
        return None
    eligibility = eligibility_from_summary(country, summary)
    target = status_rules.status_after_cycle(
        status_rules.Status(country.membership_status),
        core_eligible=eligibility.facts.core_eligible,
        values_check_passed=eligibility.facts.values_check_passed,
        un_member=country.un_member,
        eligibility_review=eligibility.eligibility_review,
    )
    if target is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("Eligibility cycle %(year)s published.") % {"year": summary.cycle_year}
    facts = StatusFacts(
        core_eligible=eligibility.facts.core_eligible,
        values_check_passed=eligibility.facts.values_check_passed,
        un_member=country.un_member,
        consecutive_cycles_below_minimum=2 if eligibility.eligibility_review else 0,
        reason=reason,
    )
    return membership_status_change(
        acting_user=acting_user,
        country=country,
        target=target.value,
        facts=facts,
        reason=reason,
        actor=Actor.SYSTEM,
        recipients=recipients,
    )
