"""Stakeholder directory: people, with per-field visibility and consent."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.engagement.models import Moderated


class Person(Moderated):
    """A directory entry for a person. Only the fields listed in ``public_fields`` are public."""

    #: Fields a person may publish; name, organisation and country are always public.
    OPTIONAL_PUBLIC_FIELDS = ("job_title", "email", "phone", "bio", "focus_areas")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="directory_entry",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
    )
    country = models.ForeignKey(
        "countries.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_people",
        verbose_name=_("country"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    bio = models.TextField(_("about"), blank=True)
    focus_areas = models.ManyToManyField(
        "organisations.FocusArea", blank=True, related_name="people", verbose_name=_("focus areas")
    )
    public_fields = models.JSONField(default=list, blank=True)
    consent_given_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name", "pk"]
        indexes = [
            # the moderation queue's list of hidden content: the few hidden rows, newest first
            models.Index(fields=["-hidden_at"], name="person_hidden", condition=Q(is_hidden=True)),
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("participation:person-detail", args=[self.pk])

    def is_public(self, field: str) -> bool:
        return field in self.public_fields

    def public_value(self, field: str):  # type: ignore[no-untyped-def]
        return getattr(self, field) if self.is_public(field) else None

    def author_ids(self) -> set[int]:
        return {self.user_id} if self.user_id else set()


class ConsentRecord(models.Model):
    """Append-only record of consent given or withdrawn (directory entries, mailing lists)."""

    class Action(models.TextChoices):
        GIVEN = "given", _("given")
        CONFIRMED = "confirmed", _("confirmed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    text = models.TextField(blank=True)
    language = models.CharField(max_length=10, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"{self.purpose} {self.action} {self.email}"
