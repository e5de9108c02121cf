"""IRM coding scales stored as versioned data (loaded from ``ogp/plans/data/irm_scales.json``)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class CodingScaleVersion(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    label_en = models.CharField(_("name in English"), max_length=200)
    label_fr = models.CharField(_("name in French"), max_length=200)
    label_es = models.CharField(_("name in Spanish"), max_length=200)
    applies_from_year = models.PositiveIntegerField(_("applies to plans submitted from"))
    applies_to_year = models.PositiveIntegerField(_("until"), null=True, blank=True)
    definition = models.JSONField(_("indicators, levels and derivation rules"))

    class Meta:
        ordering = ["applies_from_year"]
        verbose_name = _("IRM coding scale version")
        verbose_name_plural = _("IRM coding scale versions")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return {"fr": self.label_fr, "es": self.label_es}.get(language) or self.label_en
