"""None"""

from .cycles import (
    CycleConfigureForm,
    CycleOpenForm,
    EvidenceDecisionForm,
    EvidenceForm,
)
from .history import (
    MembershipHistoryForm,
    MembershipHistoryImportForm,
    default_review_date,
)
from .imports import (
    MAX_UPLOAD,
    ImportForm,
)
from .research import (
    ResearchEntryForm,
)
from .rulesets import (
    RuleSetForm,
)

__all__ = [
    "MAX_UPLOAD",
    "ImportForm",
    "CycleOpenForm",
    "CycleConfigureForm",
    "EvidenceForm",
    "EvidenceDecisionForm",
    "ResearchEntryForm",
    "RuleSetForm",
    "default_review_date",
    "MembershipHistoryForm",
    "MembershipHistoryImportForm",
]
