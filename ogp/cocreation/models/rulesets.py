"""Stored versions of the co-creation rule sets (delivery calendar, notice, Standards)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..domain.rulesets import RuleSet, parse_rule_set


class CoCreationRuleSet(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.JSONField(_("title per language"), default=dict)
    valid_from = models.DateField(_("in force from"))
    definition = models.JSONField(_("definition"))
    sources = models.JSONField(_("sources"), default=list, blank=True)
    shipped = models.BooleanField(_("shipped with the platform"), default=False)

    class Meta:
        ordering = ["-valid_from", "code"]
        verbose_name = _("co-creation rule set")
        verbose_name_plural = _("co-creation rule sets")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return str(self.title.get(language) or self.title.get("en") or self.code)

    def parsed(self) -> RuleSet:
        return parse_rule_set(self.code, self.definition)
