"""Progress updates on milestones with evidence, and civil society's confirmation or dispute."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ogp.core.uploads import private_storage


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ProgressUpdate(models.Model):
    milestone = models.ForeignKey(
        "plans.Milestone", on_delete=models.CASCADE, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=MilestoneStatus.choices)
    narrative = models.TextField(_("what was done"))
    no_evidence_reason = models.TextField(_("why there is no evidence"), blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.milestone_id}: {self.status}"

    @property
    def country_id(self) -> int:
        return self.milestone.commitment.plan.country_id


class ProgressEvidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(
        _("document (PDF)"), storage=private_storage, upload_to="plans/evidence/", blank=True
    )
    file_name = models.CharField(max_length=255, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.file_name or self.link


class ReviewVerdict(models.TextChoices):
    CONFIRM = "confirm", _("Confirm")
    DISPUTE = "dispute", _("Dispute")


class ProgressReview(models.Model):
    """A civil-society co-owner or forum member confirms or disputes one update."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    verdict = models.CharField(_("your view"), max_length=10, choices=ReviewVerdict.choices)
    status = models.CharField(
        _("status in your view"), max_length=20, choices=MilestoneStatus.choices, blank=True
    )
    reasoning = models.TextField(_("your reasoning"))
    link = models.URLField(_("evidence link"), max_length=500, blank=True)
    file = models.FileField(
        _("evidence document (PDF)"),
        storage=private_storage,
        upload_to="plans/reviews/",
        blank=True,
    )
    file_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("progress review")
        verbose_name_plural = _("progress reviews")
        constraints = [
            models.UniqueConstraint(fields=["update", "author"], name="plans_one_review_per_author")
        ]

    def __str__(self) -> str:
        return f"{self.verdict} on {self.update_id}"
