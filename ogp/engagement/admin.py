"""Read-only admin views: every write goes through the services (validated and audited)."""

from django.contrib import admin

from ogp.core.admin import ReadOnlyAdmin

from .models import ContentReport

admin.site.register(ContentReport, ReadOnlyAdmin)
