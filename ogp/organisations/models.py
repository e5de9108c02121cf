"""Organisations: civil society, academia, media, public bodies... (the stakeholder map)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ogp.engagement.models import Moderated


class OrganisationKind(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
    ACADEMIA = "academia", _("Academia and research")
    MEDIA = "media", _("Media")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    INFORMATION_COMMISSIONER = "information_commissioner", _("Information commissioner")
    OMBUDSMAN = "ombudsman", _("Ombudsman")
    ARCHIVES = "archives", _("Archives")
    PARLIAMENT = "parliament", _("Parliament")
    MINISTRY = "ministry", _("Ministry or agency")
    INTERNATIONAL_PARTNER = "international_partner", _("International partner")


class FocusAreaCode(models.TextChoices):
    ACCESS_TO_INFORMATION = "access_to_information", _("Access to information")
    ANTI_CORRUPTION = "anti_corruption", _("Anti-corruption and integrity")
    FISCAL_OPENNESS = "fiscal_openness", _("Fiscal openness")
    OPEN_CONTRACTING = "open_contracting", _("Open contracting and procurement")
    BENEFICIAL_OWNERSHIP = "beneficial_ownership", _("Beneficial ownership")
    CIVIC_SPACE = "civic_space", _("Civic space")
    JUSTICE = "justice", _("Justice")
    DIGITAL_GOVERNANCE = "digital_governance", _("Digital governance and open data")
    PUBLIC_SERVICES = "public_services", _("Public service delivery")
    GENDER_INCLUSION = "gender_inclusion", _("Gender and inclusion")
    ENVIRONMENT = "environment", _("Environment and climate")
    OPEN_PARLIAMENT = "open_parliament", _("Open parliament")
    MEDIA_FREEDOM = "media_freedom", _("Media freedom")
    LOCAL_GOVERNMENT = "local_government", _("Local open government")


class FocusArea(models.Model):
    """A policy area organisations and people work on (also a topic for mailing lists)."""

    code = models.CharField(max_length=40, unique=True, choices=FocusAreaCode.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return (
            str(FocusAreaCode(self.code).label) if self.code in FocusAreaCode.values else self.code
        )


class Organisation(Moderated):
    # Moderated: reported organisations are hidden by the Support Unit; members see the reason.
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=40, choices=OrganisationKind.choices)
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="organisations", verbose_name=_("focus areas")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Fictional, for demonstration only.")
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            # the moderation queue's list of hidden content: the few hidden rows, newest first
            models.Index(
                fields=["-hidden_at"], name="organisation_hidden", condition=Q(is_hidden=True)
            ),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("organisations:detail", args=[self.slug])

    def author_ids(self) -> set[int]:
        """Who sees this organisation (and the moderators' reason) while it is hidden."""
        ids = set(self.members.values_list("pk", flat=True))
        if self.created_by_id:
            ids.add(self.created_by_id)
        return ids
