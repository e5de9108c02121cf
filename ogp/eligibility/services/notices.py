"""E-mail to the submitter when evidence is accepted or rejected."""

from __future__ import annotations

from django.db import transaction

from ogp.core.site import site_base_url

from ..models import (
    EvidenceSubmission,
)


def _notify_decision(submission: EvidenceSubmission) -> None:
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from ogp.core.mail import send_templated_mail

    from ..labels import CRITERION_LABELS

    user = submission.submitted_by
    if not user.email:
        return
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        url = site_base_url() + reverse("eligibility:my-evidence")
        country_name = submission.country.name
        criterion_label = str(CRITERION_LABELS.get(submission.criterion, submission.criterion))
    context = {
        "recipient": user,
        "submission": submission,
        "url": url,
        "country_name": country_name,
        "criterion_label": criterion_label,
    }
    transaction.on_commit(
        lambda: send_templated_mail(
            to=[user.email],
            template="eligibility/email/evidence_decided",
            context=context,
            language=language,
        )
    )
