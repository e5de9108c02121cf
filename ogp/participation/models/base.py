"""Shared model pieces: hiding by moderators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Moderated(models.Model):
    """Content that moderators can hide; the reason is shown to its author."""

    is_hidden = models.BooleanField(_("hidden by moderators"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def author_ids(self) -> set[int]:
        """Users who may see this content while hidden (with the reason)."""
        return set()
