"""The government's self-assessment of an action plan (midterm or end of term): sections and
one entry per commitment, a public comment period, answers, and the published versions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.plans.models import MilestoneStatus

from ..domain.comments import ReportState
from .comments import ReportComment, one_target_constraint


class SelfAssessmentKind(models.TextChoices):
    MIDTERM = "midterm", _("Midterm self-assessment")
    END_OF_TERM = "end_of_term", _("End-of-term self-assessment")


class SelfAssessmentState(models.TextChoices):
    DRAFT = ReportState.DRAFT.value, _("Draft (not public)")
    IN_COMMENT = ReportState.IN_COMMENT.value, _("Draft open for public comment")
    PUBLISHED = ReportState.PUBLISHED.value, _("Final version published")


# The report's prose sections, in order (their titles are translated labels, not stored text).
SECTION_KEYS = ("introduction", "process", "lessons")


class SelfAssessment(models.Model):
    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="self_assessments"
    )
    kind = models.CharField(_("report"), max_length=20, choices=SelfAssessmentKind.choices)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SelfAssessmentState.choices,
        default=SelfAssessmentState.DRAFT,
    )
    comment_opens = models.DateField(_("comments open on"), null=True, blank=True)
    comment_closes = models.DateField(_("comments close on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "kind"]
        verbose_name = _("self-assessment report")
        verbose_name_plural = _("self-assessment reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind"], name="monitoring_one_self_assessment")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.plan.ogp_id}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:self-assessment", args=[self.pk])

    @property
    def title(self) -> str:
        """How lists and digests name it, in the reader's language."""
        return f"{self.get_kind_display()}: {self.plan}"

    @property
    def country_id(self) -> int:
        return self.plan.country_id

    @property
    def is_public(self) -> bool:
        return self.state != SelfAssessmentState.DRAFT

    @property
    def is_editable(self) -> bool:
        return self.state != SelfAssessmentState.PUBLISHED


class SelfAssessmentSection(models.Model):
    report = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=30)
    position = models.PositiveIntegerField(default=0)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="monitoring_one_section")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}:{self.key}"

    @property
    def target(self) -> str:
        return f"section:{self.key}"


class SelfAssessmentEntry(models.Model):
    """What the government reports on one commitment (pre-filled from recorded progress)."""

    report = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="entries")
    commitment = models.ForeignKey(
        "plans.Commitment", on_delete=models.CASCADE, related_name="self_assessment_entries"
    )
    status = models.CharField(
        _("completion, as the government assesses it"),
        max_length=20,
        choices=MilestoneStatus.choices,
        blank=True,
    )
    progress = models.DecimalField(
        _("recorded progress (%)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    narrative = models.TextField(_("what was done and what comes next"), blank=True)

    class Meta:
        ordering = ["report", "commitment__identifier"]
        constraints = [
            models.UniqueConstraint(fields=["report", "commitment"], name="monitoring_one_entry")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}:{self.commitment_id}"

    @property
    def target(self) -> str:
        return f"commitment:{self.commitment.identifier}"


class VersionKind(models.TextChoices):
    DRAFT = "draft", _("Draft opened for comment")
    FINAL = "final", _("Final version")


class SelfAssessmentVersion(models.Model):
    report = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=VersionKind.choices)
    content = models.JSONField(_("what was made public"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="monitoring_self_assessment_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"


class SelfAssessmentComment(ReportComment):
    """A public comment on one section or one commitment of an opened draft, and the
    government's answer (the co-creation ledger's dispositions)."""

    report = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="comments")
    section_key = models.SlugField(max_length=30, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessment_comments"
    )

    class Meta(ReportComment.Meta):
        constraints = [one_target_constraint("monitoring_comment_one_target")]

    def __str__(self) -> str:
        return f"{self.report_id}#{self.pk}"
