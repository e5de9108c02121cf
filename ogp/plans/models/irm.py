"""IRM reports drafted by assigned researchers: per-commitment coding, minimum requirements,
prose; publishing makes a numbered version and the coding public data."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class IRMReportKind(models.TextChoices):
    CO_CREATION_BRIEF = "co_creation_brief", _("Co-Creation Brief")
    ACTION_PLAN_REVIEW = "action_plan_review", _("Action Plan Review")
    RESULTS_REPORT = "results_report", _("Results Report")


class IRMReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class IAP2Level(models.TextChoices):
    """Levels of public influence (IAP2 spectrum), lowest first, as the contrary-to-process
    rules order them (``data/contrary_to_process.json`` "iap2_order")."""

    NONE = "none", _("No public influence")
    INFORM = "inform", _("Inform")
    CONSULT = "consult", _("Consult")
    INVOLVE = "involve", _("Involve")
    COLLABORATE = "collaborate", _("Collaborate")
    EMPOWER = "empower", _("Empower")


class IRMReport(models.Model):
    plan = models.ForeignKey(
        "plans.ActionPlan", on_delete=models.CASCADE, related_name="irm_reports"
    )
    kind = models.CharField(_("report"), max_length=30, choices=IRMReportKind.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=IRMReportState.choices, default=IRMReportState.DRAFT
    )
    researchers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="irm_reports", verbose_name=_("assigned researchers")
    )
    summary = models.TextField(_("summary"), blank=True)
    analysis = models.TextField(_("analysis and recommendations"), blank=True)
    minimum_requirements = models.JSONField(_("minimum requirements assessed"), default=dict)
    # Process facts the IRM assesses (the 2017-2021 contrary-to-process triggers read them).
    iap2_development = models.CharField(
        _("public influence during development (IAP2)"),
        max_length=20, choices=IAP2Level.choices, blank=True,
    )  # fmt: skip
    iap2_implementation = models.CharField(
        _("public influence during implementation (IAP2)"),
        max_length=20, choices=IAP2Level.choices, blank=True,
    )  # fmt: skip
    has_repository = models.BooleanField(
        _("a public document repository exists"), null=True, blank=True
    )
    comment_opens = models.DateField(_("comments open on"), null=True, blank=True)
    comment_closes = models.DateField(_("comments close on"), null=True, blank=True)
    version = models.PositiveIntegerField(_("published version"), default=0)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "kind"]
        verbose_name = _("IRM report")
        verbose_name_plural = _("IRM reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind"], name="plans_one_report_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.plan}"

    def get_absolute_url(self) -> str:
        return reverse("plans:irm-report", args=[self.pk])

    @property
    def country_id(self) -> int:
        return self.plan.country_id


class IRMCommitmentCoding(models.Model):
    report = models.ForeignKey(IRMReport, on_delete=models.CASCADE, related_name="codings")
    commitment = models.ForeignKey(
        "plans.Commitment", on_delete=models.CASCADE, related_name="irm_report_codings"
    )
    values = models.JSONField(_("coding"), default=dict)  # indicator -> level code or "nr"
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["commitment__identifier"]
        verbose_name = _("commitment coding")
        verbose_name_plural = _("commitment codings")
        constraints = [
            models.UniqueConstraint(fields=["report", "commitment"], name="plans_one_coding")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.commitment_id}"


class IRMReportVersion(models.Model):
    report = models.ForeignKey(IRMReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.JSONField(_("what was published"))

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("published IRM report version")
        verbose_name_plural = _("published IRM report versions")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="plans_report_version")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"
