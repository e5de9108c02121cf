"""Digest rules moved to ``ogp.engagement.domain.digest`` (followers of any object)."""

from ogp.engagement.domain.digest import (  # noqa: F401  (re-exported)
    Change,
    Digest,
    DigestSection,
    Follow,
    Frequency,
    Target,
    build_digests,
    window_start,
)
