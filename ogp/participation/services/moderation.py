"""Moderation moved to ogp.engagement.services.moderation (any Moderated model)."""

from ogp.engagement.services.moderation import (  # noqa: F401  (re-exported)
    HIDE_FIELDS,
    content_hide,
    content_report,
    content_restore,
    reports_dismiss,
)
