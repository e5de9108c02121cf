"""Personal API tokens: hashed at rest (SHA-256 of a 256-bit random secret), scoped, revocable."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What a token may write. Reads need no token. A scope never widens the owner's role:
    the same permission rules as the web forms decide on every object."""

    ELIGIBILITY_IMPORT = "eligibility:import", _("Import dataset files (Support Unit)")
    ELIGIBILITY_CYCLES = "eligibility:cycles", _("Compute and publish eligibility cycles")
    ELIGIBILITY_EVIDENCE = "eligibility:evidence", _("Submit evidence for your country")
    PLANS_IMPORT = "plans:import", _("Import OGP's commitments sheet (Support Unit)")
    PLANS_PROGRESS = "plans:progress", _("Post progress updates on your country's milestones")
    PLANS_IRM_CODING = "plans:irm-coding", _("Code commitments in IRM reports assigned to you")
    COCREATION_INPUT = "cocreation:input", _("Submit proposals to an open co-creation")


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("first characters"), max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def scope_labels(self) -> list[str]:
        return [str(Scope(s).label) for s in self.scopes if s in Scope.values]
