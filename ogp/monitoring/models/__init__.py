from .irm_comments import IRMComment, IRMSection
from .self_assessment import (
    SECTION_KEYS,
    SelfAssessment,
    SelfAssessmentComment,
    SelfAssessmentEntry,
    SelfAssessmentKind,
    SelfAssessmentSection,
    SelfAssessmentState,
    SelfAssessmentVersion,
    VersionKind,
)

__all__ = [
    "SECTION_KEYS",
    "IRMComment",
    "IRMSection",
    "SelfAssessment",
    "SelfAssessmentComment",
    "SelfAssessmentEntry",
    "SelfAssessmentKind",
    "SelfAssessmentSection",
    "SelfAssessmentState",
    "SelfAssessmentVersion",
    "VersionKind",
]
