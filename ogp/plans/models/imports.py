from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SheetImport(models.Model):
    """One import of OGP's commitments & IRM data sheet, with what it did and refused."""

    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    rows = models.PositiveIntegerField(_("rows read"), default=0)
    plans_created = models.PositiveIntegerField(_("plans created"), default=0)
    commitments_created = models.PositiveIntegerField(_("commitments created"), default=0)
    commitments_updated = models.PositiveIntegerField(_("commitments updated"), default=0)
    commitments_unchanged = models.PositiveIntegerField(_("commitments unchanged"), default=0)
    rows_refused = models.PositiveIntegerField(_("rows refused"), default=0)
    countries = models.PositiveIntegerField(_("countries and localities"), default=0)
    report = models.JSONField(_("refused rows and notes"), default=dict)

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = _("commitments sheet import")
        verbose_name_plural = _("commitments sheet imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"
