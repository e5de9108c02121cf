from typing import Any

from django.apps import AppConfig
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "ogp.membership"
    label = "membership"
    verbose_name = _("Membership")
    # Answers to other apps' hooks (ogp/core/hooks.py), as dotted paths.
    hooks = {
        "cycle_published": "ogp.membership.services.membership_statuses_apply_cycle",
        "membership_transition_check": "ogp.membership.services.status.transition_refusal",
    }
    # Top-level navigation links and country hub sections (see docs/development.md).
    nav_items: list[tuple[str | Promise, str]] = [(_("Members"), "membership:member-list")]
    country_sections: list[tuple[str | Promise, str]] = [
        (_("OGP membership: status, letters of intent, lead agency"), "membership:country")
    ]
    staff_items: list[tuple[str | Promise, str]] = [
        (_("Letters of intent to review"), "membership:review-queue"),
        (_("Questions from governments"), "membership:inquiry-staff-list"),
        (_("Countries in onboarding"), "membership:onboarding-list"),
        (_("Requests for assessment"), "membership:assessment-staff-list"),
        (_("OGP co-chairs (addressees of letters)"), "membership:cochairs"),
    ]

    def staff_checklist(self) -> list[dict[str, Any]]:
        from django.urls import reverse

        from .domain.letter import LetterState
        from .models import AssessmentRequest, CoChairs, Inquiry, LetterOfIntent, Onboarding

        no_contact = Onboarding.objects.filter(
            letter_received_on__isnull=False, support_unit_contact__isnull=True
        ).count()
        return [
            {
                "kind": "setup",
                "label": _("Record the current OGP co-chairs"),
                "help": _(
                    "Letters of intent are addressed to them; governments cannot submit "
                    "a letter until they are recorded."
                ),
                "done": CoChairs.objects.exists(),
                "url": reverse("membership:cochairs"),
            },
            {
                "kind": "setup",
                "label": _("Assign a Support Unit contact to every country in onboarding"),
                "help": _("Countries in onboarding without a contact: %(count)s.")
                % {"count": no_contact},
                "done": no_contact == 0,
                "url": reverse("membership:onboarding-list"),
            },
            {
                "kind": "waiting",
                "label": _("Letters of intent to review"),
                "count": LetterOfIntent.objects.filter(state=LetterState.SUBMITTED).count(),
                "url": reverse("membership:review-queue"),
            },
            {
                "kind": "waiting",
                "label": _("Requests for assessment (additional-information route)"),
                "count": AssessmentRequest.objects.filter(
                    state=AssessmentRequest.State.SUBMITTED
                ).count(),
                "url": reverse("membership:assessment-staff-list"),
            },
            {
                "kind": "waiting",
                "label": _("Open questions from governments"),
                "count": Inquiry.objects.filter(status=Inquiry.Status.OPEN).count(),
                "url": reverse("membership:inquiry-staff-list") + "?status=open",
            },
        ]
