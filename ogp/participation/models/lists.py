"""Mailing lists with double opt-in, subscriptions and messages sent to them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..domain.workflow import SubscriptionState


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


class MailingList(models.Model):
    class Kind(models.TextChoices):
        CIVIL_SOCIETY = "civil_society", _("Civil society mailing list")
        COUNTRY = "country", _("Country list")
        TOPIC = "topic", _("Topic list")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    slug = models.SlugField(max_length=80, unique=True)
    country = models.OneToOneField(
        "countries.Country", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.OneToOneField(
        "organisations.FocusArea",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "slug"]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        from django.utils.translation import gettext

        if self.kind == self.Kind.COUNTRY and self.country is not None:
            return gettext("Civil society in %(country)s") % {"country": self.country.name}
        if self.kind == self.Kind.TOPIC and self.topic is not None:
            return gettext("Topic: %(topic)s") % {"topic": self.topic.label}
        return gettext("OGP civil society mailing list")


class Subscription(models.Model):
    class State(models.TextChoices):
        PENDING = SubscriptionState.PENDING.value, _("Awaiting confirmation")
        CONFIRMED = SubscriptionState.CONFIRMED.value, _("Subscribed")
        UNSUBSCRIBED = SubscriptionState.UNSUBSCRIBED.value, _("Unsubscribed")

    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    nonce = models.CharField(max_length=40, default=new_nonce)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subscriptions",
    )
    requested_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.TextField(blank=True)

    class Meta:
        ordering = ["mailing_list", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "email"], name="participation_unique_subscription"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.mailing_list.slug}, {self.state})"


class ListMessage(models.Model):
    """A message staff send to the confirmed subscribers of one list."""

    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField()
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.subject
