"""Eligibility data: rule set versions, dataset releases and their observations, research
entries, annual cycles with their per-country results, and evidence submissions."""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.core.uploads import private_storage

from .domain.model import Criterion
from .domain.rulesets import RuleSet, ruleset_from_dict


class DatasetKind(models.TextChoices):
    OBS = "obs", _("Open Budget Survey (public availability)")
    EIU = "eiu", _("EIU Democracy Index")
    VDEM = "vdem", _("V-Dem country-year data")
    RTI = "rti", _("Global Right to Information Rating (national laws)")
    GDB = "gdb", _("Global Data Barometer (asset declaration laws)")
    RESEARCH = "research", _("Research: access to information and asset disclosure")
    CROSSWALK = "crosswalk", _("Country-code crosswalk")


# country-year series: their newest year says which cycles the data support
YEARLY_KINDS = (DatasetKind.OBS, DatasetKind.EIU, DatasetKind.VDEM)
# published sources for the research criteria (a cross-section or a snapshot, not a series)
LAW_SOURCE_KINDS = (DatasetKind.RTI, DatasetKind.GDB)
SCORING_KINDS = YEARLY_KINDS + LAW_SOURCE_KINDS


class CriterionChoice(models.TextChoices):
    FISCAL_TRANSPARENCY = Criterion.FISCAL_TRANSPARENCY.value, _("Fiscal transparency")
    ACCESS_TO_INFORMATION = Criterion.ACCESS_TO_INFORMATION.value, _("Access to information")
    ASSET_DISCLOSURE = Criterion.ASSET_DISCLOSURE.value, _("Asset disclosure")
    CITIZEN_ENGAGEMENT = Criterion.CITIZEN_ENGAGEMENT.value, _("Citizen engagement")


RESEARCH_CRITERIA = (CriterionChoice.ACCESS_TO_INFORMATION, CriterionChoice.ASSET_DISCLOSURE)


class Provision(models.TextChoices):
    LAW = "law", _("Law in force")
    CONSTITUTIONAL_AND_DRAFT = (
        "constitutional_and_draft",
        _("Constitutional provision and a draft law"),
    )
    CONSTITUTIONAL = "constitutional", _("Constitutional provision")
    DRAFT = "draft", _("Draft law under consideration")
    NONE = "none", _("None")


class RuleSetVersion(models.Model):
    code = models.CharField(_("code"), max_length=40)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    valid_from = models.PositiveSmallIntegerField(_("first cycle year"))
    valid_to = models.PositiveSmallIntegerField(_("last cycle year"), null=True, blank=True)
    definition = models.JSONField(_("definition"))
    shipped = models.BooleanField(_("shipped with the platform"), default=False)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("based on"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["valid_from", "code", "version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="elig_ruleset_code_version")
        ]
        verbose_name = _("rule set version")
        verbose_name_plural = _("rule set versions")

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("eligibility:methodology", args=[self.code, self.version])

    @property
    def display_title(self) -> str:
        from .labels import ruleset_title

        return ruleset_title(self)

    @cached_property
    def rules(self) -> RuleSet:
        return ruleset_from_dict(self.definition)


class DatasetRelease(models.Model):
    """One imported file, with its provenance. Re-importing the same bytes changes nothing."""

    kind = models.CharField(_("dataset"), max_length=20, choices=DatasetKind.choices)
    publisher = models.CharField(_("publisher"), max_length=200)
    edition = models.CharField(_("edition"), max_length=100)
    published_on = models.DateField(_("publication date"))
    published_on_estimated = models.BooleanField(_("publication date estimated"), default=False)
    source_url = models.URLField(_("source address"), blank=True, max_length=500)
    file_name = models.CharField(_("file name"), max_length=255)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    # SHA-256 of the content with byte order mark and line endings normalised: the same data
    # saved by another editor (BOM, CRLF) is the same release
    content_checksum = models.CharField(_("content checksum"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"))
    rows = models.PositiveIntegerField(_("rows"))
    year_min = models.PositiveSmallIntegerField(_("first data year"), null=True)
    year_max = models.PositiveSmallIntegerField(_("last data year"), null=True)
    columns = models.JSONField(_("columns"), default=list)
    unmatched = models.JSONField(_("unmatched rows"), default=list)
    extra = models.JSONField(default=dict)  # crosswalk: {"rows": [...]}
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "checksum"], name="elig_release_checksum"),
            models.UniqueConstraint(
                fields=["kind", "content_checksum"], name="elig_release_content_checksum"
            ),
        ]
        verbose_name = _("dataset release")
        verbose_name_plural = _("dataset releases")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.edition}"

    def get_absolute_url(self) -> str:
        return reverse("eligibility:release-detail", args=[self.pk])

    @property
    def label(self) -> str:
        return f"{self.publisher} — {self.edition}"


class Observation(models.Model):
    # read only by release (the composite index below serves that); no index of their own:
    # every import writes tens of thousands of rows, and each index costs on every one
    release = models.ForeignKey(
        DatasetRelease, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    year = models.PositiveSmallIntegerField()
    indicator = models.CharField(max_length=40)
    value = models.FloatField(null=True)
    text = models.CharField(max_length=8, blank=True)
    line = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["release", "country"], name="elig_obs_release_country")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.country_id} {self.year}"


class ResearchEntry(models.Model):
    """A research-based finding for access to information or asset disclosure."""

    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="+", verbose_name=_("country")
    )
    criterion = models.CharField(
        _("criterion"), max_length=30, choices=[(c.value, c.label) for c in RESEARCH_CRITERIA]
    )
    year = models.PositiveSmallIntegerField(_("assessment year"))
    provision = models.CharField(_("legal provision"), max_length=30, choices=Provision.choices)
    public_access = models.BooleanField(_("the law gives public access"), default=False)
    name = models.CharField(_("name of the law or provision"), max_length=300, blank=True)
    adopted_on = models.CharField(_("date adopted"), max_length=10, blank=True)
    source_url = models.URLField(_("evidence address"), max_length=500)
    note = models.TextField(_("note"), blank=True)
    release = models.ForeignKey(
        DatasetRelease,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="research_entries",
        verbose_name=_("imported from"),
    )
    line = models.PositiveIntegerField(null=True, blank=True)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["country__name_en", "criterion", "-year", "-id"]
        verbose_name = _("research entry")
        verbose_name_plural = _("research entries")

    def __str__(self) -> str:
        return f"{self.country_id} {self.criterion} {self.year}"


class CycleState(models.TextChoices):
    DRAFT = "draft", _("Open (not computed)")
    COMPUTED = "computed", _("Computed, under review")
    PUBLISHED = "published", _("Published")


class Cycle(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    review_date = models.DateField(_("review date"))
    ruleset = models.ForeignKey(
        RuleSetVersion, on_delete=models.PROTECT, related_name="cycles", verbose_name=_("rule set")
    )
    releases = models.ManyToManyField(
        DatasetRelease, related_name="cycles", verbose_name=_("dataset releases"), blank=True
    )
    research_entries = models.ManyToManyField(ResearchEntry, related_name="cycles", blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=CycleState.choices, default=CycleState.DRAFT
    )
    checksum = models.CharField(_("results checksum"), max_length=64, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("eligibility cycle")
        verbose_name_plural = _("eligibility cycles")

    def __str__(self) -> str:
        return str(_("Eligibility cycle %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("eligibility:scoresheet", args=[self.year])

    @property
    def is_published(self) -> bool:
        return self.state == CycleState.PUBLISHED


class CountryResult(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="results")
    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="eligibility_results"
    )
    status = models.CharField(max_length=20)
    total = models.PositiveSmallIntegerField()
    maximum = models.PositiveSmallIntegerField()
    is_member = models.BooleanField()
    values_check = models.BooleanField(null=True)
    eligibility_review = models.BooleanField(default=False)
    at_risk = models.BooleanField(default=False)
    data = models.JSONField()  # rules.model.CountryResult.to_dict()
    # inputs as they were at computation: a published sheet shows these, never live values,
    # and "recompute and compare" scores from them
    name_en = models.CharField(max_length=120, blank=True)
    name_fr = models.CharField(max_length=120, blank=True)
    name_es = models.CharField(max_length=120, blank=True)
    membership_status = models.CharField(max_length=30, blank=True)  # on the review date
    un_member = models.BooleanField(default=True)

    class Meta:
        ordering = ["cycle", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "country"], name="elig_result_unique")
        ]
        indexes = [
            models.Index(fields=["country", "cycle"], name="elig_result_country"),
            # a cycle's results in the API's order (its cursor's): one range of one index
            models.Index(fields=["cycle", "id"], name="elig_result_cycle_id"),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.cycle_id}: {self.status}"

    @property
    def country_name(self) -> str:
        """The name recorded with the result, in the active language."""
        from django.utils import translation

        language = (translation.get_language() or "en")[:2]
        recorded = {"fr": self.name_fr, "es": self.name_es}.get(language) or self.name_en
        return recorded or self.country.name


class EvidenceState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class EvidenceSubmission(models.Model):
    """Additional information for one criterion of one country in one cycle."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("cycle")
    )
    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="+", verbose_name=_("country")
    )
    criterion = models.CharField(_("criterion"), max_length=30, choices=CriterionChoice.choices)
    summary = models.TextField(_("what has changed"))
    source_url = models.URLField(_("address of the evidence"), max_length=500, blank=True)
    document = models.FileField(
        _("supporting document (PDF)"),
        storage=private_storage,
        upload_to="eligibility/evidence/",
        blank=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=20, choices=EvidenceState.choices, default=EvidenceState.SUBMITTED
    )
    points = models.PositiveSmallIntegerField(_("points awarded"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("evidence submission")
        verbose_name_plural = _("evidence submissions")

    def __str__(self) -> str:
        return f"#{self.pk} {self.country_id} {self.criterion} ({self.cycle_id})"
