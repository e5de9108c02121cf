"""What plans answers to hooks of the apps below it (declared on PlansConfig)."""

from typing import Any

from ogp.core.summaries import ContraryToProcessRecord

from .models import ContraryFinding, FindingState
from .services.contrary import consecutive_cycles


def contrary_to_process_record(country: Any) -> ContraryToProcessRecord:
    """The ``contrary_to_process_record`` hook: the country's newest national plan with a
    confirmed finding, and the cycles contrary to process in a row up to it."""
    latest = (
        ContraryFinding.objects.filter(
            plan__country=country, plan__locality__isnull=True, state=FindingState.CONFIRMED
        )
        .select_related("plan")
        .order_by("-plan__submitted_year", "-plan_id", "-found_on")
        .first()
    )
    if latest is None:
        return ContraryToProcessRecord()
    return ContraryToProcessRecord(
        latest_plan=latest.plan.ogp_id,
        latest_found_on=latest.found_on.isoformat(),
        consecutive_cycles=consecutive_cycles(latest.plan),
    )
