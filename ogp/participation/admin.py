"""Read-only admin views: every write goes through the services (validated and audited)."""

from django.contrib import admin

from ogp.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import (
    Event,
    Forum,
    ForumMembership,
    MailingList,
    Meeting,
    MembershipRequest,
    Person,
    Registration,
    Subscription,
)


class MembershipInline(ReadOnlyInline):
    model = ForumMembership
    raw_id_fields = ["user", "organisation"]


@admin.register(Forum)
class ForumAdmin(ReadOnlyAdmin):
    list_display = ["name", "country", "established_on", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "starts_at", "capacity", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["title"]


for model in (
    Meeting,
    MembershipRequest,
    Person,
    Registration,
    Subscription,
    MailingList,
):
    admin.site.register(model, ReadOnlyAdmin)
