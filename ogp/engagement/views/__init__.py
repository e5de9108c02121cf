"""Engagement pages: following and digests, reporting content, the moderation queue."""
