from .irm import irm_comment_answer, irm_comment_create, irm_comments, irm_version_compare
from .self_assessment import (
    country_page,
    self_assessment_changes,
    self_assessment_comment_answer,
    self_assessment_comment_create,
    self_assessment_comment_list,
    self_assessment_create,
    self_assessment_detail,
    self_assessment_edit,
    self_assessment_entry_edit,
    self_assessment_open,
    self_assessment_publish,
)

__all__ = [
    "country_page",
    "irm_comment_answer",
    "irm_comment_create",
    "irm_comments",
    "irm_version_compare",
    "self_assessment_changes",
    "self_assessment_comment_answer",
    "self_assessment_comment_create",
    "self_assessment_comment_list",
    "self_assessment_create",
    "self_assessment_detail",
    "self_assessment_edit",
    "self_assessment_entry_edit",
    "self_assessment_open",
    "self_assessment_publish",
]
