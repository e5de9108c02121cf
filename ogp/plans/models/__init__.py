from .imports import SheetImport
from .plans import (
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    InstitutionRole,
    Locality,
    Milestone,
    PlanSource,
    PolicyArea,
)
from .progress import (
    MilestoneStatus,
    ProgressEvidence,
    ProgressReview,
    ProgressUpdate,
    ReviewVerdict,
)
from .scales import CodingScaleVersion

__all__ = [
    "ActionPlan",
    "CodingScaleVersion",
    "Commitment",
    "CommitmentInstitution",
    "InstitutionRole",
    "Locality",
    "Milestone",
    "MilestoneStatus",
    "PlanSource",
    "PolicyArea",
    "ProgressEvidence",
    "ProgressReview",
    "ProgressUpdate",
    "ReviewVerdict",
    "SheetImport",
]
