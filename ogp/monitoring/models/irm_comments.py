"""Comments on an IRM report draft during its comment period, answered by its researchers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .comments import ReportComment, one_target_constraint


class IRMSection(models.TextChoices):
    SUMMARY = "summary", _("Summary")
    ANALYSIS = "analysis", _("Analysis and recommendations")
    MINIMUM_REQUIREMENTS = "minimum_requirements", _("Minimum requirements")


class IRMComment(ReportComment):
    report = models.ForeignKey(
        "plans.IRMReport", on_delete=models.CASCADE, related_name="public_comments"
    )
    section_key = models.CharField(max_length=30, choices=IRMSection.choices, blank=True)
    # The published version the draft followed when the comment was made (0: none yet).
    after_version = models.PositiveIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="irm_comments"
    )

    class Meta(ReportComment.Meta):
        verbose_name = _("comment on an IRM draft")
        verbose_name_plural = _("comments on IRM drafts")
        constraints = [one_target_constraint("monitoring_irm_comment_one_target")]

    def __str__(self) -> str:
        return f"IRM {self.report_id}#{self.pk}"
