"""Action plans, commitments (OGP's template and identifiers), institutions and milestones."""

from typing import Any, cast

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .progress import MilestoneStatus
from .scales import CodingScaleVersion


class PlanSource(models.TextChoices):
    OGP_SHEET = "ogp_sheet", _("OGP commitments and IRM data sheet")
    PLATFORM = "platform", _("Recorded on this platform")


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")
    NONE = "", _("no date")


class Locality(models.Model):
    """An OGP Local member (city, state, region) within a country, e.g. ``ARBA`` Buenos Aires."""

    code = models.CharField(_("OGP code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        "countries.Country", on_delete=models.PROTECT, related_name="ogp_localities"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self) -> str:
        return self.name


class PolicyArea(models.Model):
    """One of OGP's policy-area tags (the sheet's tag columns)."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=120, blank=True)
    sheet_column = models.CharField(_("column in OGP's sheet"), max_length=120, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return {"fr": self.name_fr, "es": self.name_es}.get(language) or self.name_en


class ActionPlan(models.Model):
    ogp_id = models.CharField(_("OGP plan identifier"), max_length=20, unique=True)
    country = models.ForeignKey(
        "countries.Country", on_delete=models.PROTECT, related_name="action_plans"
    )
    locality = models.ForeignKey(
        Locality, null=True, blank=True, on_delete=models.PROTECT, related_name="action_plans"
    )
    number = models.PositiveIntegerField(_("plan number"), null=True, blank=True)
    submitted_year = models.PositiveIntegerField(_("year of submission"))
    end_year = models.PositiveIntegerField(_("end year"), null=True, blank=True)
    duration_years = models.PositiveIntegerField(_("duration (years)"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=PlanSource.choices, default=PlanSource.PLATFORM
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["country__name_en", "locality__name", "submitted_year", "number"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return f"{self.place_name} {self.period}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        # its commitments carry its country (Commitment.country): they follow a change
        fields = kwargs.get("update_fields")
        if not kwargs.get("force_insert") and (fields is None or "country" in fields):
            self.commitments.exclude(country_id=self.country_id).update(country_id=self.country_id)

    def get_absolute_url(self) -> str:
        return reverse("plans:plan-detail", args=[self.ogp_id])

    @property
    def place_name(self) -> str:
        return self.locality.name if self.locality_id and self.locality else self.country.name

    @property
    def period(self) -> str:
        if self.end_year and self.end_year != self.submitted_year:
            return f"{self.submitted_year}–{self.end_year}"
        return str(self.submitted_year)


# The long texts of OGP's commitment template, in reading order (the whole text first): lists
# leave them out, detail pages and the API's detail show them.
COMMITMENT_TEXT_FIELDS = (
    "full_text",
    "problem",
    "status_quo",
    "objective",
    "how_it_helps",
    "relevance_transparency",
    "relevance_participation",
    "relevance_accountability",
)


class Commitment(models.Model):
    identifier = models.CharField(_("OGP identifier"), max_length=20, unique=True)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="commitments")
    # the plan's country, kept with the commitment (save(), the sheet's bulk import, the
    # plan's own save): a country's commitments are then read in identifier order from one
    # index instead of joining its plans and sorting them all (6 ms at 100x the sheet)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        editable=False,
        db_index=False,  # the (country, identifier) index below serves it
    )
    number = models.CharField(_("number in the plan"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=500)
    short_title = models.CharField(_("short title"), max_length=300, blank=True)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    # OGP's template (2022 style); the sheet gives only the full text.
    full_text = models.TextField(_("full text"), blank=True)
    problem = models.TextField(_("problem addressed"), blank=True)
    status_quo = models.TextField(_("status quo"), blank=True)
    objective = models.TextField(_("what the commitment is"), blank=True)
    how_it_helps = models.TextField(_("how it will contribute to solving the problem"), blank=True)
    relevance_transparency = models.TextField(_("relevance to transparency"), blank=True)
    relevance_participation = models.TextField(_("relevance to civic participation"), blank=True)
    relevance_accountability = models.TextField(_("relevance to public accountability"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, blank=True, default=""
    )
    start_text = models.CharField(_("start date as written"), max_length=100, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, blank=True, default=""
    )
    end_text = models.CharField(_("end date as written"), max_length=100, blank=True)
    policy_areas = models.ManyToManyField(
        PolicyArea,
        blank=True,
        related_name="commitments",
        verbose_name=_("policy areas"),
        through="CommitmentPolicyArea",
    )
    tags_unknown = models.JSONField(_("policy areas without data"), default=dict, blank=True)
    # OGP values (IRM relevance coding): None = no data or not reviewed (see irm_coding)
    value_access_to_information = models.BooleanField(null=True, blank=True)
    value_civic_participation = models.BooleanField(null=True, blank=True)
    value_public_accountability = models.BooleanField(null=True, blank=True)
    value_technology = models.BooleanField(null=True, blank=True)
    coding_scale = models.ForeignKey(
        CodingScaleVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    irm_coding = models.JSONField(_("IRM coding"), default=dict, blank=True)
    irm_facts = models.JSONField(_("other IRM facts"), default=dict, blank=True)
    ogp_flags = models.JSONField(_("OGP's derived flags, as published"), default=dict, blank=True)
    # Derived by ogp.plans.domain.scales under coding_scale (None: not enough data)
    completion = models.CharField(_("completion (IRM)"), max_length=20, blank=True, db_index=True)
    starred = models.BooleanField(_("starred"), null=True, blank=True, db_index=True)
    high_completion = models.BooleanField(_("high completion"), null=True, blank=True)
    strong_early_results = models.BooleanField(_("strong early results"), null=True, blank=True)
    is_active = models.BooleanField(_("being implemented"), default=False)
    # Platform progress rolled up from milestones (ogp.plans.domain.progress)
    progress = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    progress_level = models.CharField(
        max_length=20, choices=MilestoneStatus.choices, blank=True, default=""
    )
    source = models.CharField(
        _("source"), max_length=20, choices=PlanSource.choices, default=PlanSource.PLATFORM
    )
    source_url = models.URLField(_("page on the OGP website"), max_length=500, blank=True)
    source_row_id = models.CharField(_("row id in OGP's sheet"), max_length=20, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    source_row = models.JSONField(_("the sheet's row, every column"), default=dict, blank=True)
    source_hash = models.CharField(max_length=64, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["identifier"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [
            models.Index(fields=["high_completion", "identifier"]),
            # the explorer's other filters and sorts, read in its order (identifier) from an index
            models.Index(fields=["completion", "identifier"], name="commitment_completion_ident"),
            models.Index(fields=["starred", "identifier"], name="commitment_starred_ident"),
            models.Index(
                fields=["strong_early_results", "identifier"], name="commitment_strong_ident"
            ),
            models.Index(fields=["title", "identifier"], name="commitment_title_ident"),
            models.Index(fields=["country", "identifier"], name="commitment_country_ident"),
        ]

    def __str__(self) -> str:
        return f"{self.identifier} {self.short_title or self.title}"[:255]

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if self.plan_id is not None and (fields is None or {"plan", "plan_id"} & set(fields)):
            plan = cast(ActionPlan | None, Commitment.plan.field.get_cached_value(self, None))
            self.country_id = (
                plan.country_id
                if plan is not None
                else ActionPlan.objects.filter(pk=self.plan_id)
                .values_list("country_id", flat=True)
                .first()
            )
            if fields is not None:
                kwargs["update_fields"] = {*fields, "country"}
        adding = self._state.adding
        super().save(*args, **kwargs)
        # the links keep the identifier too: followed when it changed (or, read without it,
        # may have); a new commitment has no links yet
        saved = getattr(self, "_saved_identifier", None)
        changed = saved != self.identifier if saved is not None else not adding
        if changed and (fields is None or "identifier" in fields):
            CommitmentPolicyArea.objects.filter(commitment=self).exclude(
                identifier=self.identifier
            ).update(identifier=self.identifier)
        self._saved_identifier = self.identifier

    def get_absolute_url(self) -> str:
        return reverse("plans:commitment-detail", args=[self.identifier])

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any, **kwargs: Any) -> "Commitment":
        instance = super().from_db(db, field_names, values, **kwargs)
        if "identifier" in field_names:  # to see a change of it when saved
            instance._saved_identifier = instance.identifier
        return instance

    @property
    def display_title(self) -> str:
        return self.short_title or self.title


class CommitmentPolicyAreaQuerySet(models.QuerySet["CommitmentPolicyArea"]):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        """Links made without their commitment's identifier (``policy_areas.add()`` and
        ``set()`` make them here, from either side) get it, read in one query."""
        objs = list(objs)
        lacking = {link.commitment_id for link in objs if not link.identifier}
        if lacking:
            identifiers = dict(
                Commitment.objects.using(self.db)
                .filter(pk__in=lacking)
                .values_list("pk", "identifier")
            )
            for link in objs:
                if not link.identifier:
                    link.identifier = identifiers[link.commitment_id]
        return super().bulk_create(objs, *args, **kwargs)


class CommitmentPolicyArea(models.Model):
    """A commitment's policy area, with the commitment's identifier kept beside it: an area's
    commitments are then read in identifier order from one index (the explorer's and the
    API's order), instead of walking every commitment and probing its links (2.5 ms against
    0.3 ms at 100x the sheet)."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="policy_area_links"
    )
    policyarea = models.ForeignKey(PolicyArea, on_delete=models.CASCADE, related_name="+")
    identifier = models.CharField(max_length=20, editable=False)

    objects = CommitmentPolicyAreaQuerySet.as_manager()

    class Meta:
        db_table = "plans_commitment_policy_areas"  # the table the plain many-to-many made
        unique_together = [("commitment", "policyarea")]
        indexes = [
            models.Index(fields=["policyarea", "identifier"], name="commitment_area_ident"),
        ]

    def __str__(self) -> str:
        return f"{self.identifier} {self.policyarea_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.identifier:
            self.identifier = (
                Commitment.objects.filter(pk=self.commitment_id)
                .values_list("identifier", flat=True)
                .get()
            )
        super().save(*args, **kwargs)


class InstitutionRole(models.TextChoices):
    LEAD = "lead", _("Lead institution")
    SUPPORTING = "supporting", _("Supporting institution")


class CommitmentInstitution(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="institutions"
    )
    role = models.CharField(_("role"), max_length=20, choices=InstitutionRole.choices)
    name = models.CharField(_("name"), max_length=500)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitment_roles",
        verbose_name=_("organisation in the directory"),
    )
    is_civil_society = models.BooleanField(_("civil-society co-owner"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["commitment", "role", "position"]
        verbose_name = _("commitment institution")
        verbose_name_plural = _("commitment institutions")

    def __str__(self) -> str:
        return self.name


class Milestone(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("milestone"), max_length=500)
    expected_output = models.TextField(_("expected output"), blank=True)
    responsible = models.CharField(_("who is responsible"), max_length=300, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    due_date = models.DateField(_("expected completion date"), null=True, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, null=True, blank=True)
    # Latest official status (from the newest update) and civil society's view when disputed.
    status = models.CharField(
        _("official status"),
        max_length=20,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.NOT_STARTED,
    )
    civil_society_status = models.CharField(
        _("civil society status"), max_length=20, choices=MilestoneStatus.choices, blank=True
    )
    status_updated_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["commitment", "position", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title[:120]

    @property
    def country_id(self) -> int:
        return self.commitment.plan.country_id
