"""Follows, digest preferences and activity moved to ogp.engagement (generic relations)."""

from ogp.engagement.models import Activity, DigestPreference, Follow, FrequencyChoices

__all__ = ["Activity", "DigestPreference", "Follow", "FrequencyChoices"]
