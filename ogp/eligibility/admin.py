"""Read-only admin views (all changes go through the services and the staff pages)."""

from django.contrib import admin

from ogp.core.admin import ReadOnlyAdmin

from .models import Cycle, DatasetRelease, EvidenceSubmission, ResearchEntry, RuleSetVersion


@admin.register(RuleSetVersion)
class RuleSetVersionAdmin(ReadOnlyAdmin):
    list_display = ["code", "version", "title", "valid_from", "valid_to", "shipped"]


@admin.register(DatasetRelease)
class DatasetReleaseAdmin(ReadOnlyAdmin):
    list_display = ["kind", "edition", "publisher", "published_on", "rows", "imported_at"]
    list_filter = ["kind"]


@admin.register(Cycle)
class CycleAdmin(ReadOnlyAdmin):
    list_display = ["year", "state", "ruleset", "published_at"]


@admin.register(ResearchEntry)
class ResearchEntryAdmin(ReadOnlyAdmin):
    list_display = ["country", "criterion", "year", "provision", "public_access", "release"]
    list_filter = ["criterion", "provision"]


@admin.register(EvidenceSubmission)
class EvidenceSubmissionAdmin(ReadOnlyAdmin):
    list_display = ["country", "cycle", "criterion", "state", "submitted_at"]
    list_filter = ["state", "criterion"]
