"""Countries and territories (ISO 3166) and their OGP membership status with its history."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


class MembershipStatus(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("Not assessed")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    ELIGIBLE = "eligible", _("Eligible")
    LETTER_SUBMITTED = "letter_submitted", _("Letter of intent submitted")
    LETTER_RETURNED = "letter_returned", _("Letter returned for changes")
    PARTICIPATING = "participating", _("Participating (onboarding)")
    ACTIVE = "active", _("Active member")
    ELIGIBILITY_REVIEW = "eligibility_review", _("Under Eligibility Review")
    CONTRARY_TO_PROCESS = "contrary_to_process", _("Acting contrary to process")
    PROCEDURAL_REVIEW = "procedural_review", _("Under Procedural Review")
    INACTIVE = "inactive", _("Inactive")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


MEMBER_STATUSES = frozenset(
    {
        MembershipStatus.PARTICIPATING,
        MembershipStatus.ACTIVE,
        MembershipStatus.ELIGIBILITY_REVIEW,
        MembershipStatus.CONTRARY_TO_PROCESS,
        MembershipStatus.PROCEDURAL_REVIEW,
        MembershipStatus.INACTIVE,
        MembershipStatus.SUSPENDED,
    }
)


# The date of OGP's list of participants of 2016 (OKF Germany), the only membership list in the
# publishers' files: statuses seeded from it are dated by the list, not by the real change.
MEMBERSHIP_2016_DATE = datetime.date(2016, 12, 7)


class CountryQuerySet(models.QuerySet["Country"]):
    def members(self) -> "CountryQuerySet":
        return self.filter(membership_status__in=MEMBER_STATUSES)


class Country(models.Model):
    iso2 = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166 numeric code"), max_length=3, blank=True)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120)
    name_es = models.CharField(_("name in Spanish"), max_length=120)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    un_member = models.BooleanField(
        _("UN member state"),
        default=False,
        help_text=_("Only UN member states can join OGP."),
    )
    membership_status = models.CharField(
        _("OGP membership status"),
        max_length=30,
        choices=MembershipStatus.choices,
        default=MembershipStatus.NOT_ASSESSED,
        db_index=True,
    )
    membership_status_since = models.DateField(_("status since"), null=True, blank=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        indexes = [models.Index(fields=["region", "membership_status"], name="country_region")]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("countries:detail", args=[self.iso3])

    @property
    def name(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return {"fr": self.name_fr, "es": self.name_es}.get(language) or self.name_en

    @property
    def status_date_is_from_2016_list(self) -> bool:
        """The status date is the date of the 2016 list it was recorded from, not a known date
        of change."""
        return self.membership_status_since == MEMBERSHIP_2016_DATE

    @property
    def is_member(self) -> bool:
        return self.membership_status in MEMBER_STATUSES


class MembershipStatusChange(models.Model):
    """One dated, attributed change of a country's OGP status (the public timeline)."""

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("country")
    )
    from_status = models.CharField(
        _("previous status"), max_length=30, choices=MembershipStatus.choices
    )
    to_status = models.CharField(_("new status"), max_length=30, choices=MembershipStatus.choices)
    effective_date = models.DateField(_("effective date"))
    reason = models.TextField(_("reason"))
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the date comes from: an address or a reference."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "-changed_at", "-id"]
        verbose_name = _("membership status change")
        verbose_name_plural = _("membership status changes")

    def __str__(self) -> str:
        return f"{self.country}: {self.from_status} → {self.to_status} ({self.effective_date})"
