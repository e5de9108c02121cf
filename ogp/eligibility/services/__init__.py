"""Writes: imports, rule set versions, research entries, cycles and evidence."""

from .cycles import (
    cycle_compute,
    cycle_configure,
    cycle_open,
    cycle_publish,
    cycle_recompute_checksum,
)
from .evidence import (
    evidence_accept,
    evidence_reject,
    evidence_submit,
)
from .imports import (
    PARSERS,
    PUBLISHERS,
    country_matcher,
    detect_kind,
    release_import,
)
from .membership_history import (
    membership_history_import,
    membership_history_record,
)
from .research import (
    research_entry_record,
)
from .rulesets import (
    ruleset_create,
    ruleset_seed_shipped,
)

__all__ = [
    "ruleset_seed_shipped",
    "ruleset_create",
    "PUBLISHERS",
    "PARSERS",
    "country_matcher",
    "detect_kind",
    "release_import",
    "research_entry_record",
    "membership_history_record",
    "membership_history_import",
    "cycle_open",
    "cycle_configure",
    "cycle_compute",
    "cycle_publish",
    "cycle_recompute_checksum",
    "evidence_submit",
    "evidence_accept",
    "evidence_reject",
]
