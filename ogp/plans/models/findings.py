"""'Acting contrary to process' findings per plan, proposed by the rules and decided by staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FindingState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by the rules")
    CONFIRMED = "confirmed", _("Confirmed by the Support Unit")
    DISMISSED = "dismissed", _("Dismissed by the Support Unit")


class ContraryFinding(models.Model):
    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="contrary_findings"
    )
    trigger = models.CharField(_("trigger"), max_length=40)
    rule_version = models.CharField(_("rule version"), max_length=20)
    found_on = models.DateField(_("trigger met on"))
    evidence = models.TextField(_("evidence"))
    state = models.CharField(
        _("state"), max_length=20, choices=FindingState.choices, default=FindingState.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    consecutive_cycles = models.PositiveIntegerField(default=0)
    letter = models.JSONField(_("notification letter (en, fr, es)"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-found_on", "id"]
        verbose_name = _("contrary-to-process finding")
        verbose_name_plural = _("contrary-to-process findings")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "trigger"], name="plans_one_finding_per_trigger"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.trigger}"

    @property
    def country_id(self) -> int:
        return self.plan.country_id
