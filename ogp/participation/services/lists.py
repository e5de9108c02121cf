"""Mailing lists: double opt-in, single-use confirmation, one-click unsubscribe, list messages.

Links are signed with Django's signing (HMAC with SECRET_KEY, a salt per purpose):

- confirmation: ``"<subscription id>:<nonce>"`` with a timestamp, valid 7 days. The nonce changes
  when the subscription is confirmed (or requested again), so a confirmation link works once;
- unsubscribe: ``"<subscription id>"`` without expiry, in every message and in the
  ``List-Unsubscribe`` header (RFC 2369) with ``List-Unsubscribe-Post`` (RFC 8058 one-click).
"""

from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url

from ..domain.workflow import (
    CONFIRMATION_MAX_AGE,
    SubscriptionAction,
    SubscriptionState,
    TransitionError,
    subscription_transition,
)
from ..models import ConsentRecord, ListMessage, MailingList, Subscription
from ..models.lists import new_nonce

CONFIRM_SALT = "ogp.participation.subscription.confirm"
UNSUBSCRIBE_SALT = "ogp.participation.subscription.unsubscribe"


def consent_text() -> str:
    return _(
        "I agree to receive e-mail from the OGP platform on this list. My address is used only "
        "for this list, and I can unsubscribe at any time from a link in every message."
    )


def confirmation_token(subscription: Subscription | Iterable[Subscription]) -> str:
    """One signed link for one subscription, or for the several asked for in one form."""
    subscriptions = [subscription] if isinstance(subscription, Subscription) else subscription
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(
        ",".join(f"{s.pk}:{s.nonce}" for s in subscriptions)
    )


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def unsubscribe_url(subscription: Subscription) -> str:
    with translation.override(subscription.language):
        path = reverse("participation:unsubscribe", args=[unsubscribe_token(subscription)])
    return f"{site_base_url()}{path}"


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<{subscription.mailing_list.slug}.lists.{_host()}>",
    }


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"


def _transition(state: str | None, action: SubscriptionAction) -> str:
    try:
        return subscription_transition(SubscriptionState(state) if state else None, action).value
    except TransitionError as error:
        raise ServiceError(
            {
                "already_subscribed": _("This address is already subscribed to this list."),
                "not_pending": _(
                    "This confirmation link has already been used or is no longer valid."
                ),
                "already_unsubscribed": _("This address is already unsubscribed."),
            }[error.code]
        ) from error


@transaction.atomic
def subscription_request(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    email: str,
    mailing_lists: list[MailingList],
    language: str,
    country=None,  # type: ignore[no-untyped-def]
) -> list[Subscription]:
    """Record pending subscriptions and send one confirmation e-mail per list.

    ``country`` adds that country's list (created on first use). Already-confirmed lists are
    skipped silently so the answer never reveals who is subscribed.
    """
    email = email.strip().lower()
    mailing_lists = list(mailing_lists)
    if country is not None:
        mailing_lists.append(mailing_list_for_country(country))
    if not mailing_lists:
        raise ServiceError(_("Choose at least one list."))
    if language not in dict(settings.LANGUAGES):
        raise ServiceError(_("Choose a language for the messages."))
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    now = timezone.now()
    pending: list[Subscription] = []
    for mailing_list in mailing_lists:
        subscription = (
            Subscription.objects.select_for_update()
            .filter(mailing_list=mailing_list, email=email)
            .first()
        )
        if subscription and subscription.state == Subscription.State.CONFIRMED:
            continue
        state = _transition(
            subscription.state if subscription else None, SubscriptionAction.SUBSCRIBE
        )
        if subscription is None:
            subscription = Subscription(mailing_list=mailing_list, email=email)
        subscription.state = state
        subscription.language = language
        subscription.nonce = new_nonce()
        subscription.requested_at = now
        subscription.consent_text = consent_text()
        subscription.user = subscription.user or user
        subscription.save()
        ConsentRecord.objects.create(
            email=email, user=user, purpose=f"mailing_list:{mailing_list.slug}",
            action=ConsentRecord.Action.GIVEN, text=subscription.consent_text, language=language,
        )  # fmt: skip
        audit_record(
            actor=acting_user, action=AuditAction.SUBSCRIPTION_REQUEST, target=subscription,
            after=snapshot(subscription, ["state", "language"]),
        )  # fmt: skip
        pending.append(subscription)
    if pending:
        # One e-mail for every list asked for in the form, with one link confirming them all.
        first = pending[0]
        with translation.override(language):
            confirm_path = reverse(
                "participation:subscription-confirm", args=[confirmation_token(pending)]
            )
        send_templated_mail(
            to=[first.email],
            template="participation/email/subscription_confirm",
            context={
                "subscription": first,
                "list_name": _list_name(first),
                "list_names": [_list_name(s) for s in pending],
                "confirm_url": f"{site_base_url()}{confirm_path}",
                "max_age_days": CONFIRMATION_MAX_AGE.days,
            },
            language=language,
        )
    return pending


def _list_name(subscription: Subscription) -> str:
    with translation.override(subscription.language):
        return str(subscription.mailing_list.name)


def subscriptions_from_confirmation(token: str, *, lock: bool = False) -> list[Subscription]:
    """The pending subscriptions a confirmation link points to (refused when used or expired)."""
    invalid = ServiceError(_("This confirmation link is not valid or has expired."))
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature as error:  # includes SignatureExpired
        raise invalid from error
    pairs = [part.partition(":") for part in value.split(",")]
    nonces = {pk: nonce for pk, _sep, nonce in pairs}
    if not all(pk.isdigit() for pk in nonces):
        raise invalid
    subscriptions = Subscription.objects.select_related("mailing_list")
    if lock:
        subscriptions = subscriptions.select_for_update()
    found = list(subscriptions.filter(pk__in=[int(pk) for pk in nonces]).order_by("pk"))
    if not found:
        raise invalid
    if any(s.nonce != nonces[str(s.pk)] for s in found):
        raise ServiceError(_("This confirmation link has already been used or is no longer valid."))
    return found


def subscription_from_confirmation(token: str, *, lock: bool = False) -> Subscription:
    """The first pending subscription a confirmation link points to."""
    return subscriptions_from_confirmation(token, lock=lock)[0]


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    """Confirm every subscription of the link; returns the first."""
    subscriptions = subscriptions_from_confirmation(token, lock=True)
    for subscription in subscriptions:
        _confirm_one(subscription)
    return subscriptions[0]


def _confirm_one(subscription: Subscription) -> None:
    def apply(stored: Subscription) -> None:
        stored.state = _transition(stored.state, SubscriptionAction.CONFIRM)
        stored.confirmed_at = timezone.now()
        stored.nonce = new_nonce()  # the link is single-use

    audited_update(  # the caller's instance keeps its list (and shows the stored values)
        acting_user=None, instance=subscription, action=AuditAction.SUBSCRIPTION_CONFIRM,
        fields=["state"], also_save=["confirmed_at", "nonce"], apply=apply,
        note="confirmed from the e-mailed link",
    )  # fmt: skip
    ConsentRecord.objects.create(
        email=subscription.email, user=subscription.user,
        purpose=f"mailing_list:{subscription.mailing_list.slug}",
        action=ConsentRecord.Action.CONFIRMED, text=subscription.consent_text,
        language=subscription.language,
    )  # fmt: skip


def subscription_from_unsubscribe_token(token: str) -> Subscription:
    try:
        pk = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise ServiceError(_("This unsubscribe link is not valid.")) from error
    subscription = Subscription.objects.select_related("mailing_list").filter(pk=pk).first()
    if subscription is None:
        raise ServiceError(_("This unsubscribe link is not valid."))
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, token: str) -> Subscription:
    """Idempotent: a second click shows the address is already unsubscribed."""
    subscription = subscription_from_unsubscribe_token(token)
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.state == Subscription.State.UNSUBSCRIBED:
        return subscription

    def apply(stored: Subscription) -> None:
        stored.state = _transition(stored.state, SubscriptionAction.UNSUBSCRIBE)
        stored.unsubscribed_at = timezone.now()
        stored.nonce = new_nonce()  # any pending confirmation link stops working

    subscription = audited_update(
        acting_user=None, instance=subscription, action=AuditAction.SUBSCRIPTION_UNSUBSCRIBE,
        fields=["state"], also_save=["unsubscribed_at", "nonce"], apply=apply,
        note="unsubscribed from a signed link",
    )  # fmt: skip
    ConsentRecord.objects.create(
        email=subscription.email, user=subscription.user,
        purpose=f"mailing_list:{subscription.mailing_list.slug}",
        action=ConsentRecord.Action.WITHDRAWN, language=subscription.language,
    )  # fmt: skip
    return subscription


@transaction.atomic
def list_message_send(
    *, acting_user, mailing_list: MailingList, subject: str, body: str
) -> ListMessage:  # type: ignore[no-untyped-def]
    """Send a message to every confirmed subscriber, each with their own unsubscribe link."""
    if not subject.strip() or not body.strip():
        raise ServiceError(_("A message needs a subject and a text."))
    recipients = list(
        mailing_list.subscriptions.filter(state=Subscription.State.CONFIRMED).select_related(
            "mailing_list"
        )
    )
    message = ListMessage.objects.create(
        mailing_list=mailing_list, subject=subject.strip(), body=body.strip(),
        sent_by=acting_user, sent_at=timezone.now(), recipient_count=len(recipients),
    )  # fmt: skip
    for subscription in recipients:
        send_templated_mail(
            to=[subscription.email],
            template="participation/email/list_message",
            context={
                "message": message,
                "list_name": _list_name(subscription),
                "unsubscribe_url": unsubscribe_url(subscription),
            },
            language=subscription.language,
            headers=unsubscribe_headers(subscription),
        )
    audit_record(
        actor=acting_user, action=AuditAction.MAILING_LIST_SEND, target=message,
        after={"subject": message.subject, "recipients": len(recipients)},
    )  # fmt: skip
    return message


def mailing_list_for_country(country) -> MailingList:  # type: ignore[no-untyped-def]
    mailing_list, _created = MailingList.objects.get_or_create(
        kind=MailingList.Kind.COUNTRY,
        country=country,
        defaults={"slug": f"country-{country.iso3.lower()}"},
    )
    return mailing_list
