"""Translated labels and sentences for the pure rules' codes (rendered in the active language)."""

from .assumptions import (
    ASSUMPTION_TEXTS,
)
from .codes import (
    CRITERION_LABELS,
    DATASET_LABELS,
    INDICATOR_LABELS,
    MISSING_LABELS,
    OBS_DOCUMENT_LABELS,
    OBS_STATUS_LABELS,
    PROVISION_LABELS,
    RULESET_TITLES,
    SCALE_LABELS,
    STATUS_LABELS,
    alphabetical,
    raw_value_text,
    ruleset_title,
    source_label,
)
from .errors import (
    IMPORT_REASONS,
    RULESET_REASONS,
    import_error_message,
    ruleset_error_message,
)
from .pathway import (
    pathway_sentences,
    step_sentence,
)
from .ruleset_changes import (
    CRITERION_PART_LABELS,
    RULESET_FIELD_LABELS,
    ruleset_changes,
)
from .units import (
    unmatched_units,
)

__all__ = [
    "CRITERION_LABELS",
    "STATUS_LABELS",
    "DATASET_LABELS",
    "OBS_DOCUMENT_LABELS",
    "OBS_STATUS_LABELS",
    "PROVISION_LABELS",
    "INDICATOR_LABELS",
    "MISSING_LABELS",
    "SCALE_LABELS",
    "RULESET_TITLES",
    "ruleset_title",
    "source_label",
    "raw_value_text",
    "alphabetical",
    "step_sentence",
    "pathway_sentences",
    "IMPORT_REASONS",
    "import_error_message",
    "RULESET_REASONS",
    "ruleset_error_message",
    "ASSUMPTION_TEXTS",
    "unmatched_units",
    "RULESET_FIELD_LABELS",
    "CRITERION_PART_LABELS",
    "ruleset_changes",
]
