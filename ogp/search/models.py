"""The search index: one document per public object and language.

Text of countries exists in the three languages; stored content (descriptions, letters) is
indexed as written, under each language's stemming, so a French query finds French text.
The vector (PostgreSQL) or the FTS5 row (SQLite) beside each document is written by the backend
(see backends.py); the migration creates them for the database in use.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    ORGANISATION = "organisation", _("Organisation")
    FORUM = "forum", _("Forum")
    EVENT = "event", _("Event")
    LETTER = "letter", _("Letter of intent")
    PLAN = "plan", _("Action plan")
    COMMITMENT = "commitment", _("Commitment")
    COCREATION = "cocreation", _("Action plan in co-creation")
    PROPOSAL = "proposal", _("Proposal")
    IRM_REPORT = "irm_report", _("IRM report")
    SELF_ASSESSMENT = "self_assessment", _("Self-assessment")


class SearchDocument(models.Model):
    kind = models.CharField(_("type"), max_length=20, choices=DocumentKind.choices)
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=5)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    country = models.CharField(max_length=3, blank=True)  # ISO alpha-3
    country_name = models.CharField(max_length=120, blank=True)
    policy_areas = models.CharField(max_length=600, blank=True)  # " code code " for filtering
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_document_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_doc_lang_kind")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} ({self.language})"

    @property
    def area_codes(self) -> list[str]:
        return self.policy_areas.split()
