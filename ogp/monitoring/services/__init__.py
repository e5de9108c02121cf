"""Writes of the monitoring app: services ``<entity>_<action>(*, acting_user, ...)``."""

from .irm_comments import irm_comment_answer, irm_comment_create
from .self_assessment import (
    self_assessment_comment_answer,
    self_assessment_comment_create,
    self_assessment_create,
    self_assessment_entry_update,
    self_assessment_open_for_comment,
    self_assessment_publish,
    self_assessment_sections_update,
)

__all__ = [
    "irm_comment_answer",
    "irm_comment_create",
    "self_assessment_comment_answer",
    "self_assessment_comment_create",
    "self_assessment_create",
    "self_assessment_entry_update",
    "self_assessment_open_for_comment",
    "self_assessment_publish",
    "self_assessment_sections_update",
]
