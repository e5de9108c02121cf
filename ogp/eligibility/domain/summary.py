"""The eligibility summary other apps read (see /docs/eligibility.md, "For other apps").

Defined once in `ogp.core.summaries` (every app that reads it sits above core); re-exported here.
"""

from ogp.core.summaries import CriterionSummary, EligibilitySummary

__all__ = ["CriterionSummary", "EligibilitySummary"]
