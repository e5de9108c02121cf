from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from ogp.core.admin import ReadOnlyAdmin

from .models import RoleRequest, User

# The admin has no login form of its own: it sends people to the site's login (allauth), with
# its rate limits and second factor, and back to the admin page they asked for.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "country", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("full_name", "job_title", "preferred_language")}),
        ("Role", {"fields": ("role", "country", "organisation")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    # Roles change through the audited role form (accounts:staff-user-detail), not here.
    readonly_fields = ["role", "country", "organisation", "is_staff", "is_superuser"]


@admin.register(RoleRequest)
class RoleRequestAdmin(ReadOnlyAdmin):
    list_display = ["user", "role", "country", "state", "created_at"]
    list_filter = ["state", "role"]
