"""Read-only admin views: every write goes through the services (validated and audited)."""

from django.contrib import admin

from ogp.core.admin import ReadOnlyAdmin

from .models import (
    CoChairs,
    Inquiry,
    InquiryMessage,
    Invitation,
    LeadAgency,
    LetterEvent,
    LetterOfIntent,
    Onboarding,
    OnboardingStep,
)


class LetterEventInline(admin.TabularInline):
    model = LetterEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "actor", "note", "at"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(LetterOfIntent)
class LetterOfIntentAdmin(ReadOnlyAdmin):
    list_display = ["reference", "country", "state", "language", "submitted_at", "accepted_on"]
    list_filter = ["state", "language"]
    search_fields = ["country__name_en", "country__iso3"]
    inlines = [LetterEventInline]


@admin.register(CoChairs)
class CoChairsAdmin(ReadOnlyAdmin):
    list_display = ["government_co_chair", "civil_society_co_chair", "effective_from"]


@admin.register(LeadAgency)
class LeadAgencyAdmin(ReadOnlyAdmin):
    list_display = ["country", "name", "contact_name", "point_of_contact"]
    search_fields = ["country__name_en", "name"]


class OnboardingStepInline(admin.TabularInline):
    model = OnboardingStep
    extra = 0
    can_delete = False
    readonly_fields = ["item", "done_on", "done_by", "note"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Onboarding)
class OnboardingAdmin(ReadOnlyAdmin):
    list_display = ["country", "support_unit_contact", "letter_received_on", "first_plan_due"]
    inlines = [OnboardingStepInline]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "country", "invited_by", "created_at", "accepted_at"]


class InquiryMessageInline(admin.StackedInline):
    model = InquiryMessage
    extra = 0
    can_delete = False
    readonly_fields = ["author", "from_support_unit", "body", "created_at"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Inquiry)
class InquiryAdmin(ReadOnlyAdmin):
    list_display = ["subject", "country", "status", "last_activity_at"]
    list_filter = ["status"]
    inlines = [InquiryMessageInline]
