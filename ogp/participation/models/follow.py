"""Follows, digest preferences and the activity that digests gather."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..domain.digest import Frequency


class FrequencyChoices(models.TextChoices):
    DAILY = Frequency.DAILY.value, _("Daily")
    WEEKLY = Frequency.WEEKLY.value, _("Weekly")


class Follow(models.Model):
    """A user follows exactly one of: a country, a forum, an event."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    country = models.ForeignKey(
        "countries.Country", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    forum = models.ForeignKey(
        "participation.Forum", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "participation.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(country__isnull=False, forum__isnull=True, event__isnull=True)
                    | models.Q(country__isnull=True, forum__isnull=False, event__isnull=True)
                    | models.Q(country__isnull=True, forum__isnull=True, event__isnull=False)
                ),
                name="participation_follow_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "country"],
                condition=models.Q(country__isnull=False),
                name="participation_follow_country_once",
            ),
            models.UniqueConstraint(
                fields=["user", "forum"],
                condition=models.Q(forum__isnull=False),
                name="participation_follow_forum_once",
            ),
            models.UniqueConstraint(
                fields=["user", "event"],
                condition=models.Q(event__isnull=False),
                name="participation_follow_event_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.target}"

    @property
    def target(self):  # type: ignore[no-untyped-def]
        return self.country or self.forum or self.event


class DigestPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=FrequencyChoices.choices, default="weekly"
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class Activity(models.Model):
    """Something that changed on a followed country, forum or event (what digests report)."""

    class Verb(models.TextChoices):
        FORUM_CREATED = "forum_created", _("New forum")
        MEETING_SCHEDULED = "meeting_scheduled", _("Meeting scheduled")
        MEETING_UPDATED = "meeting_updated", _("Meeting updated (agenda, minutes or attendance)")
        DOCUMENT_ADDED = "document_added", _("Document added")
        MEMBER_JOINED = "member_joined", _("New forum member")
        EVENT_PUBLISHED = "event_published", _("New event")
        EVENT_UPDATED = "event_updated", _("Event updated")
        STATUS_CHANGED = "status_changed", _("OGP membership status changed")

    verb = models.CharField(max_length=40, choices=Verb.choices)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    country = models.ForeignKey(
        "countries.Country", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    forum = models.ForeignKey(
        "participation.Forum", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "participation.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    occurred_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.verb}: {self.title}"
