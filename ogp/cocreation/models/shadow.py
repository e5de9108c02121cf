"""Shadow action plans drafted by civil-society organisations of a country."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ShadowPlan(models.Model):
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="shadow_plans",
        verbose_name=_("country"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    organisations = models.ManyToManyField(
        "organisations.Organisation", related_name="shadow_plans", verbose_name=_("organisations")
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="shadow_plans", verbose_name=_("co-editors")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cocreation:shadow-detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
