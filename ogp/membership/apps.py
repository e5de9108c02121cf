from django.apps import AppConfig
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "ogp.membership"
    label = "membership"
    verbose_name = _("Membership")
    # Answers to other apps' hooks (ogp/core/hooks.py), as dotted paths.
    hooks = {"cycle_published": "ogp.membership.services.membership_statuses_apply_cycle"}
    # Top-level navigation links and country hub sections (see docs/development.md).
    nav_items: list[tuple[str | Promise, str]] = [(_("Members"), "membership:member-list")]
    country_sections: list[tuple[str | Promise, str]] = [
        (_("OGP membership: status, letters of intent, lead agency"), "membership:country")
    ]
    staff_items: list[tuple[str | Promise, str]] = [
        (_("Letters of intent to review"), "membership:review-queue"),
        (_("Questions from governments"), "membership:inquiry-staff-list"),
        (_("Countries in onboarding"), "membership:onboarding-list"),
        (_("OGP co-chairs (addressees of letters)"), "membership:cochairs"),
    ]
