"""A co-creation process for one action plan: its timeline, opportunities and documents."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.core.uploads import private_storage

from ..domain.plan_state import EDITABLE, PUBLIC, PlanState


class PlanStateChoices(models.TextChoices):
    PREPARING = PlanState.PREPARING.value, _("Being prepared")
    CO_CREATION = PlanState.CO_CREATION.value, _("Co-creation open")
    SUBMITTED = PlanState.SUBMITTED.value, _("Submitted to the Support Unit")
    RETURNED = PlanState.RETURNED.value, _("Returned for changes")
    PUBLISHED = PlanState.PUBLISHED.value, _("Published")
    WITHDRAWN = PlanState.WITHDRAWN.value, _("Withdrawn")


class CoCreationPlan(models.Model):
    """The co-creation of an action plan. On publication it creates ``plans.ActionPlan``."""

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="cocreation_plans",
        verbose_name=_("country"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    period_years = models.PositiveSmallIntegerField(
        _("length in years"), choices=[(2, _("2 years")), (4, _("4 years"))], default=2
    )
    starts_on = models.DateField(_("implementation starts on"))
    rule_set = models.ForeignKey(
        "cocreation.CoCreationRuleSet",
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("rules in force"),
    )
    cohort_year = models.PositiveSmallIntegerField(
        _("cohort year (legacy calendar)"), null=True, blank=True
    )
    previous_plan_end = models.DateField(
        _("end of the previous action plan"), null=True, blank=True
    )
    forum = models.ForeignKey(
        "participation.Forum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cocreation_plans",
        verbose_name=_("multi-stakeholder forum"),
    )
    state = models.CharField(
        max_length=20, choices=PlanStateChoices.choices, default=PlanStateChoices.PREPARING
    )
    proposals_open = models.BooleanField(_("proposals are open"), default=True)
    anonymous_proposals = models.BooleanField(
        _("visitors without an account may propose (confirmed by e-mail)"), default=False
    )
    timeline_published_on = models.DateField(null=True, blank=True, editable=False)
    opened_on = models.DateField(null=True, blank=True, editable=False)
    submitted_on = models.DateField(null=True, blank=True, editable=False)
    published_on = models.DateField(null=True, blank=True, editable=False)
    ledger_override_reason = models.TextField(
        _("why some inputs have no answer yet (shown publicly)"), blank=True
    )
    submission_language = models.CharField(max_length=8, blank=True)
    # Recorded at publication under the rules in force (domain/calendar.py).
    due_on = models.DateField(_("due on"), null=True, blank=True, editable=False)
    delivery_status = models.CharField(max_length=20, blank=True, editable=False)
    days_late = models.PositiveIntegerField(default=0, editable=False)
    # Bumped by every write that changes a public page (the visitors' page cache key).
    revision = models.PositiveIntegerField(default=0, editable=False)
    state_reason = models.TextField(_("reason of the last return or withdrawal"), blank=True)
    action_plan = models.OneToOneField(
        "plans.ActionPlan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cocreation",
        editable=False,
        verbose_name=_("published action plan"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("action plan in co-creation")
        verbose_name_plural = _("action plans in co-creation")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cocreation:plan-detail", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return PlanState(self.state) in PUBLIC

    @property
    def is_editable(self) -> bool:
        return PlanState(self.state) in EDITABLE


class StepKind(models.TextChoices):
    PLANNING = "planning", _("Planning")
    ENGAGEMENT = "engagement", _("Stakeholder engagement")
    DRAFTING = "drafting", _("Drafting")
    FEEDBACK = "feedback", _("Feedback and reasoned response")
    SUBMISSION = "submission", _("Submission")


class TimelineStep(models.Model):
    plan = models.ForeignKey(CoCreationPlan, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=20, choices=StepKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return self.title


class OpportunityKind(models.TextChoices):
    MEETING = "meeting", _("Public meeting or workshop")
    ONLINE = "online", _("Online consultation")
    PROPOSALS = "proposals", _("Call for proposals")
    COMMENTS = "comments", _("Comments on the draft")
    SURVEY = "survey", _("Survey")
    OTHER = "other", _("Other")


class Opportunity(models.Model):
    """A dated chance to take part; ``published_on`` is when it was announced publicly."""

    plan = models.ForeignKey(CoCreationPlan, on_delete=models.CASCADE, related_name="opportunities")
    step = models.ForeignKey(
        TimelineStep,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        verbose_name=_("step"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("how to take part"), blank=True)
    location = models.CharField(_("place or online link"), max_length=300, blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    open_to_anyone = models.BooleanField(_("open to anyone"), default=True)
    published_on = models.DateField(_("announced on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["opens_on", "pk"]
        verbose_name_plural = _("opportunities")

    def __str__(self) -> str:
        return self.title


def plan_document_path(instance: "PlanDocument", filename: str) -> str:
    return f"cocreation/plans/{instance.plan_id}/{filename}"


class PlanDocument(models.Model):
    """The plan's public document repository (Standard 2.2)."""

    plan = models.ForeignKey(CoCreationPlan, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("PDF file"), upload_to=plan_document_path, storage=private_storage)
    published_on = models.DateField(_("published on"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "pk"]

    def __str__(self) -> str:
        return self.title


class StandardAssessment(models.Model):
    """A staff or IRM assessment of one minimum requirement for a plan."""

    class Status(models.TextChoices):
        MET = "met", _("Met")
        AT_RISK = "at_risk", _("At risk")
        NOT_MET = "not_met", _("Not met")

    plan = models.ForeignKey(CoCreationPlan, on_delete=models.CASCADE, related_name="assessments")
    code = models.CharField(_("requirement"), max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    note = models.TextField(_("evidence or note"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_on = models.DateField(_("assessed on"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="cocreation_one_assessment")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.status}"
