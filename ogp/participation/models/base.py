"""Shared model pieces: hiding by moderators (defined in ogp.engagement for any app)."""

from ogp.engagement.models import Moderated

__all__ = ["Moderated"]
