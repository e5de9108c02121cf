"""Translated titles of the Standards, their minimum requirements and evaluation reasons."""

from django.utils.translation import gettext_lazy as _

STANDARD_TITLES = {
    1: _("A space for ongoing dialogue and collaboration"),
    2: _("Open, accessible and timely information"),
    3: _("Inclusive and informed participation during co-creation"),
    4: _("A reasoned response and ongoing dialogue"),
    5: _("Inclusive and informed dialogue during implementation and monitoring"),
}

REQUIREMENT_TITLES = {
    "1.1": _("A forum of government and civil society meets at least every six months"),
    "1.1-rules": _("The forum's basic rules on participation are public"),
    "2.1": _("A public OGP website or web page"),
    "2.2": _("A public document repository on the plan"),
    "2.2-updates": _("The repository is updated at least twice a year"),
    "3.1": _("Timeline and opportunities published at least two weeks in advance"),
    "3.2": _("An open opportunity for anyone to send input"),
    "4.1": _("A published reasoned response on how inputs were considered"),
    "5.1": _("At least two meetings with civil society during implementation"),
    "5.2": _("A published end-of-commitment or self-assessment report"),
    "IAP2": _("Public influence during development (assessed)"),
    "IAP2-involve": _("IAP2 'Involve' level reached during development (assessed)"),
    "repository": _("A repository of the process (legacy rule)"),
}

STANDARD_REASONS = {
    "no_forum": _("No forum is linked to the plan."),
    "forum_met": _("The forum met within the last six months."),
    "forum_due_soon": _("The forum's next meeting is due soon."),
    "forum_missed": _("The forum has not met for more than six months."),
    "forum_awaiting_first": _("The forum has not met yet; its first meeting is not due yet."),
    "forum_rules_published": _("The forum's rules of participation are published."),
    "forum_rules_missing": _("The forum has no published rules of participation."),
    "plan_pages_public": _("The plan's pages are public on this platform."),
    "plan_not_public": _("The plan's pages are not public yet."),
    "documents_published": _("Documents and draft versions are published with the plan."),
    "no_public_documents": _("No document or draft version is published yet."),
    "updated_often_enough": _("Updated often enough in the last twelve months."),
    "updated_too_rarely": _("Updated only once in the last twelve months."),
    "not_updated_this_year": _("Not updated in the last twelve months."),
    "no_timeline": _("The timeline has no dated steps yet."),
    "notice_too_short": _("Some items were published with less notice than required."),
    "not_published_yet": _("Not published yet; there is still time to give enough notice."),
    "notice_given": _("Everything was published with enough notice."),
    "open_channel": _("At least one opportunity is open to anyone."),
    "no_open_channel": _("No opportunity is open to anyone."),
    "no_inputs_yet": _("No input has been received yet."),
    "inputs_unanswered": _("Some inputs have no reasoned response yet."),
    "every_input_answered": _("Every input has a reasoned response."),
    "awaiting_assessment": _("Assessed by the Support Unit or the IRM; not recorded yet."),
    "assessed": _("Recorded by the Support Unit or the IRM."),
}
