"""Comments on an IRM report draft during its comment period, answered by its researchers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ogp.cocreation.models import DispositionChoices


class IRMSection(models.TextChoices):
    SUMMARY = "summary", _("Summary")
    ANALYSIS = "analysis", _("Analysis and recommendations")
    MINIMUM_REQUIREMENTS = "minimum_requirements", _("Minimum requirements")


class IRMComment(models.Model):
    report = models.ForeignKey(
        "plans.IRMReport", on_delete=models.CASCADE, related_name="public_comments"
    )
    section_key = models.CharField(max_length=30, choices=IRMSection.choices, blank=True)
    commitment = models.ForeignKey(
        "plans.Commitment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The published version the draft followed when the comment was made (0: none yet).
    after_version = models.PositiveIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="irm_comments"
    )
    body = models.TextField(_("your comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    disposition = models.CharField(
        _("disposition"), max_length=20, choices=DispositionChoices.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on an IRM draft")
        verbose_name_plural = _("comments on IRM drafts")
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(section_key="") & models.Q(commitment__isnull=False))
                    | (~models.Q(section_key="") & models.Q(commitment__isnull=True))
                ),
                name="monitoring_irm_comment_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"IRM {self.report_id}#{self.pk}"

    @property
    def country_id(self) -> int:
        return self.report.plan.country_id

    @property
    def target(self) -> str:
        if self.commitment is not None:
            return f"commitment:{self.commitment.identifier}"
        return f"section:{self.section_key}"
