from .findings import ContraryFinding, FindingState
from .imports import SheetImport
from .irm import (
    IAP2Level,
    IRMCommitmentCoding,
    IRMReport,
    IRMReportKind,
    IRMReportState,
    IRMReportVersion,
)
from .plans import (
    COMMITMENT_TEXT_FIELDS,
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    CommitmentPolicyArea,
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
    "COMMITMENT_TEXT_FIELDS",
    "ActionPlan",
    "CodingScaleVersion",
    "Commitment",
    "ContraryFinding",
    "FindingState",
    "CommitmentInstitution",
    "CommitmentPolicyArea",
    "IAP2Level",
    "IRMCommitmentCoding",
    "IRMReport",
    "IRMReportKind",
    "IRMReportState",
    "IRMReportVersion",
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
