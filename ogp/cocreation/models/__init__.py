from .drafts import COMMITMENT_TEXT_FIELDS, Comment, DraftCommitment, DraftMilestone, DraftVersion
from .inputs import (
    CORE_VALUES,
    DispositionChoices,
    InputKind,
    LedgerEntry,
    OfflineInput,
    OfflineSource,
    OgpValue,
    Proposal,
    ResponderSide,
    Support,
)
from .plans import (
    CoCreationPlan,
    Opportunity,
    OpportunityKind,
    PlanDocument,
    PlanStateChoices,
    StandardAssessment,
    StepKind,
    TimelineStep,
)
from .rulesets import CoCreationRuleSet
from .shadow import ShadowPlan

__all__ = [
    "COMMITMENT_TEXT_FIELDS",
    "CORE_VALUES",
    "CoCreationPlan",
    "CoCreationRuleSet",
    "Comment",
    "DispositionChoices",
    "DraftCommitment",
    "DraftMilestone",
    "DraftVersion",
    "InputKind",
    "LedgerEntry",
    "OfflineInput",
    "OfflineSource",
    "OgpValue",
    "Opportunity",
    "OpportunityKind",
    "PlanDocument",
    "PlanStateChoices",
    "Proposal",
    "ResponderSide",
    "ShadowPlan",
    "StandardAssessment",
    "StepKind",
    "Support",
    "TimelineStep",
]
