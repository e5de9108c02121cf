"""Organisations are written by their services (audited): the admin only shows them."""

from django.contrib import admin

from ogp.core.admin import ReadOnlyAdmin

from .models import FocusArea, Organisation


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "country", "is_demo", "is_hidden"]
    list_filter = ["kind", "is_demo", "is_hidden"]
    search_fields = ["name"]
    filter_horizontal = ["focus_areas"]
    raw_id_fields = ["hidden_by", "created_by"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "label"]
