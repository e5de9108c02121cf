"""What the API shows of action plans, commitments, milestones, progress updates and IRM
reports. Codes come with labels in the request's language; text is given as stored."""

from .irm import (
    CODING_ROWS_SCHEMA,
    IRMReportDetailSerializer,
    IRMReportSerializer,
    IRMReportVersionSerializer,
    coding_table,
)
from .plans import (
    CODE_LABEL_LIST,
    IRM_SCHEMA,
    LOCALITY_SCHEMA,
    NULLABLE_CODE_LABEL,
    VALUES_SCHEMA,
    ActionPlanSerializer,
    CommitmentDetailSerializer,
    CommitmentSerializer,
    InstitutionSerializer,
    MilestoneInCommitmentSerializer,
    MilestoneSerializer,
    PlanRefSerializer,
)
from .progress import EVIDENCE_SCHEMA, REVIEWS_SCHEMA, ProgressUpdateSerializer

__all__ = [
    "CODE_LABEL_LIST",
    "CODING_ROWS_SCHEMA",
    "EVIDENCE_SCHEMA",
    "IRM_SCHEMA",
    "LOCALITY_SCHEMA",
    "NULLABLE_CODE_LABEL",
    "REVIEWS_SCHEMA",
    "VALUES_SCHEMA",
    "ActionPlanSerializer",
    "CommitmentDetailSerializer",
    "CommitmentSerializer",
    "IRMReportDetailSerializer",
    "IRMReportSerializer",
    "IRMReportVersionSerializer",
    "InstitutionSerializer",
    "MilestoneInCommitmentSerializer",
    "MilestoneSerializer",
    "PlanRefSerializer",
    "ProgressUpdateSerializer",
    "coding_table",
]
