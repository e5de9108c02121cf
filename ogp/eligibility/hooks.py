"""What eligibility answers to other apps' hooks (declared on EligibilityConfig.hooks)."""

from typing import Any

from ogp.core.hooks import PageSection

from .selectors import country_eligibility_summary


def country_sections(country: Any) -> list[PageSection]:
    """The latest published result, on the country hub page."""
    summary = country_eligibility_summary(country)
    if summary is None:
        return []
    return [
        PageSection(
            template="countries/_eligibility_summary.html",
            context={"eligibility": summary},
            order=10,
        )
    ]
