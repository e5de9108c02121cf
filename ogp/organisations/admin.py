from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
