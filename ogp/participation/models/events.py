"""Events: summits, regional meetings and national events, with registration and waiting list."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.core.time_zones import validate_time_zone

from ..domain.waitlist import RegistrationState


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    REGIONAL = "regional", _("Regional meeting")
    NATIONAL = "national", _("National event")


class Event(models.Model):
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(_("description"), max_length=10_000)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # Where the event happens: its times are shown in this zone, and in the reader's.
    time_zone = models.CharField(
        _("time zone of the event"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("For example America/Montevideo or Africa/Dakar. Times are entered in it."),
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    country = models.ForeignKey(
        "countries.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_events",
        verbose_name=_("country"),
    )
    forum = models.ForeignKey(
        "participation.Forum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("forum"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("organiser"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    is_demo = models.BooleanField(default=False)
    # Raised by every save; an edit form carries the version it was opened at (lost updates).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        # upcoming (ends_at >= now) and past lists in start order, with or without a type
        indexes = [
            models.Index(fields=["starts_at", "id"], name="event_starts"),
            models.Index(fields=["kind", "starts_at", "id"], name="event_kind_starts"),
            models.Index(fields=["ends_at"], name="event_ends"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="participation_event_ends_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:event-detail", args=[self.slug])


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class State(models.TextChoices):
        CONFIRMED = RegistrationState.CONFIRMED.value, _("Confirmed")
        WAITING = RegistrationState.WAITING.value, _("On the waiting list")
        CANCELLED = RegistrationState.CANCELLED.value, _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        help_text=_(
            "Sign language, step-free access, captions, dietary needs... Only organisers see this."
        ),
    )
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    state = models.CharField(max_length=20, choices=State.choices)
    registered_at = models.DateTimeField()
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~models.Q(state="cancelled"),
                name="participation_one_active_registration",
            )
        ]
        indexes = [models.Index(fields=["event", "state", "registered_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.event}, {self.state})"
