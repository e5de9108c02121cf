from django.contrib import admin

from .models import Country, MembershipStatusChange


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "iso3", "region", "un_member", "membership_status"]
    list_filter = ["region", "un_member", "membership_status"]
    search_fields = ["name_en", "name_fr", "name_es", "iso3", "iso2"]
    # Status changes go through the membership workflow, never a raw edit.
    readonly_fields = ["membership_status", "membership_status_since"]


@admin.register(MembershipStatusChange)
class MembershipStatusChangeAdmin(admin.ModelAdmin):
    list_display = ["country", "from_status", "to_status", "effective_date", "changed_by"]
    list_filter = ["to_status"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
