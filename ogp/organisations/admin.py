from django.contrib import admin

from .models import FocusArea, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "is_demo", "is_hidden"]
    list_filter = ["kind", "is_demo", "is_hidden"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["focus_areas"]
    raw_id_fields = ["hidden_by", "created_by"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "label"]
