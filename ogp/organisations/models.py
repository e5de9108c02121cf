"""Organisations: civil society, academia, media, public bodies... (the stakeholder map)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class Organisation(models.Model):
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
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Fictional, for demonstration only.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name
