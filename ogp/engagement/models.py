"""Engagement on any object: moderation (a mixin and content reports), follows, the activity
that digests gather, and each user's digest preference.

Objects are referenced by generic relations (content type + id), so a new app's plans,
commitments, reports or comments can be followed, reported and moderated without copying
fields: a model inherits `Moderated` to be hidden by moderators, and anything with a primary
key can be followed or named as the target of an activity.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .domain.digest import Frequency
from .domain.moderation import ReportState


class Moderated(models.Model):
    """Content that moderators can hide; the reason is shown to its author."""

    is_hidden = models.BooleanField(_("hidden by moderators"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def author_ids(self) -> set[int]:
        """Users who may see this content while hidden (with the reason)."""
        return set()


class ContentReport(models.Model):
    class State(models.TextChoices):
        OPEN = ReportState.OPEN.value, _("Open")
        DISMISSED = ReportState.DISMISSED.value, _("Dismissed")
        ACTIONED = ReportState.ACTIONED.value, _("Content hidden")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("what is wrong with this content"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]

    def __str__(self) -> str:
        return f"report on {self.content_type_id}:{self.object_id} ({self.state})"


class Follow(models.Model):
    """A user follows one object of any kind (which kinds can be followed is the views' call)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="engagement_follow_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user} follows {self.target}"


class FrequencyChoices(models.TextChoices):
    DAILY = Frequency.DAILY.value, _("Daily")
    WEEKLY = Frequency.WEEKLY.value, _("Weekly")


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
    """Something that changed, on one or more followable objects (its targets, most specific
    first: an event, then its forum, then its country); what digests report."""

    class Verb(models.TextChoices):
        FORUM_CREATED = "forum_created", _("New forum")
        MEETING_SCHEDULED = "meeting_scheduled", _("Meeting scheduled")
        MEETING_UPDATED = "meeting_updated", _("Meeting updated (agenda, minutes or attendance)")
        DOCUMENT_ADDED = "document_added", _("Document added")
        MEMBER_JOINED = "member_joined", _("New forum member")
        EVENT_PUBLISHED = "event_published", _("New event")
        EVENT_UPDATED = "event_updated", _("Event updated")
        STATUS_CHANGED = "status_changed", _("OGP membership status changed")
        # monitoring
        REPORT_OPENED_FOR_COMMENT = "report_opened_for_comment", _("Draft open for public comment")
        REPORT_PUBLISHED = "report_published", _("Final report published")

    verb = models.CharField(max_length=40, choices=Verb.choices)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    occurred_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.verb}: {self.title}"


class ActivityTarget(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveSmallIntegerField(default=0)  # most specific first
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        ordering = ["activity", "position"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.activity_id} -> {self.content_type_id}:{self.object_id}"
