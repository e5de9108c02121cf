"""National multi-stakeholder forums: members, membership requests, meetings and documents."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.core.uploads import private_storage

from ..domain.balance import Side
from ..domain.workflow import RequestState


class SideChoices(models.TextChoices):
    GOVERNMENT = Side.GOVERNMENT.value, _("Government")
    NON_GOVERNMENT = Side.NON_GOVERNMENT.value, _("Outside government")


class Forum(models.Model):
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="forums",
        verbose_name=_("country"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    rules_of_participation = models.TextField(
        _("rules of participation"),
        help_text=_(
            "Public basic rules: who can join, how members are selected, how decisions are made."
        ),
    )
    established_on = models.DateField(_("established on"))
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Last six-month-rule reminder e-mailed to the coordinators (one per deadline and status).
    reminded_deadline = models.DateField(null=True, blank=True, editable=False)
    reminded_status = models.CharField(max_length=20, blank=True, editable=False)

    class Meta:
        ordering = ["country__name_en", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("participation:forum-detail", args=[self.slug])


class ForumMembership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        COORDINATOR = "coordinator", _("Coordinator")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum_memberships",
    )
    display_name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_memberships",
        verbose_name=_("organisation"),
    )
    side = models.CharField(_("side"), max_length=20, choices=SideChoices.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"))

    class Meta:
        ordering = ["-role", "display_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "user"],
                condition=models.Q(user__isnull=False),
                name="participation_unique_forum_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.forum})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR


class MembershipRequest(models.Model):
    class State(models.TextChoices):
        PENDING = RequestState.PENDING.value, _("Pending")
        APPROVED = RequestState.APPROVED.value, _("Approved")
        DECLINED = RequestState.DECLINED.value, _("Declined")
        WITHDRAWN = RequestState.WITHDRAWN.value, _("Withdrawn")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_requests"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    side = models.CharField(_("side"), max_length=20, choices=SideChoices.choices)
    motivation = models.TextField(_("why you want to join"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "user"],
                condition=models.Q(state="pending"),
                name="participation_one_pending_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} -> {self.forum} ({self.state})"


class Meeting(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    location = models.CharField(_("place or online link"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    attendees = models.ManyToManyField(
        ForumMembership, blank=True, related_name="meetings_attended", verbose_name=_("attendance")
    )
    other_attendees = models.TextField(
        _("other attendees"), blank=True, help_text=_("One name per line (observers, guests).")
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["forum", "date"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"

    def get_absolute_url(self) -> str:
        return reverse("participation:meeting-detail", args=[self.forum.slug, self.pk])

    @property
    def other_attendee_list(self) -> list[str]:
        return [line.strip() for line in self.other_attendees.splitlines() if line.strip()]


def meeting_document_path(instance: "MeetingDocument", filename: str) -> str:
    return f"participation/meetings/{instance.meeting_id}/{filename}"


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("PDF file"), upload_to=meeting_document_path, storage=private_storage)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title
