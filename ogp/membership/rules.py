"""Who may do what in the joining journey (django-rules)."""

from typing import Any

import rules

from ogp.accounts.predicates import (
    is_government,
    is_government_of_object_country,
    is_support_unit,
    object_country_id,
)


@rules.predicate
def is_letter_editable(user: Any, letter: Any) -> bool:
    return bool(letter is not None and letter.is_editable)


@rules.predicate
def is_letter_published(user: Any, letter: Any) -> bool:
    return bool(letter is not None and letter.is_published)


@rules.predicate
def is_country_point_of_contact(user: Any, obj: Any) -> bool:
    country_id = object_country_id(obj)
    if country_id is None or not is_government(user) or user.country_id != country_id:
        return False
    from .models import LeadAgency

    return LeadAgency.objects.filter(country_id=country_id, point_of_contact=user).exists()


own_country = is_government_of_object_country

# Country-level actions (object: a Country).
rules.add_perm("membership.view_workspace", is_support_unit | own_country)
rules.add_perm("membership.add_letter", own_country)
rules.add_perm("membership.change_leadagency", is_support_unit | own_country)
rules.add_perm("membership.invite_colleague", is_support_unit | is_country_point_of_contact)
rules.add_perm("membership.change_onboarding", is_support_unit | own_country)
rules.add_perm("membership.assign_contact", is_support_unit)
rules.add_perm("membership.change_status", is_support_unit)
rules.add_perm("membership.add_inquiry", is_support_unit | own_country)
rules.add_perm("membership.request_assessment", own_country)
rules.add_perm("membership.decide_assessment", is_support_unit)

# Letter actions (object: a LetterOfIntent).
rules.add_perm("membership.view_letter", is_support_unit | own_country | is_letter_published)
rules.add_perm("membership.view_letter_file", is_support_unit | own_country | is_letter_published)
rules.add_perm("membership.change_letter", own_country & is_letter_editable)
rules.add_perm("membership.submit_letter", own_country & is_letter_editable)
rules.add_perm("membership.review_letter", is_support_unit)

# Requests for assessment (object: an AssessmentRequest).
rules.add_perm("membership.view_assessment", is_support_unit | own_country)

# Inquiries (object: an Inquiry).
rules.add_perm("membership.view_inquiry", is_support_unit | own_country)
rules.add_perm("membership.reply_inquiry", is_support_unit | own_country)

# Staff pages (no object).
rules.add_perm("membership.view_review_queue", is_support_unit)
rules.add_perm("membership.change_cochairs", is_support_unit)
