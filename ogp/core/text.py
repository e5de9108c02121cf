"""Sanitising user-written text before it is displayed."""

import re

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "h2", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
LONG_WORD = re.compile(r"\S{61,}")


def break_long_words(text: str, width: int = 60) -> str:
    """Split runs of more than `width` characters without a space (PDF layout engines take
    time that grows faster than the length of an unbreakable word)."""
    if len(text) <= width:
        return text
    pattern = LONG_WORD if width == 60 else re.compile(rf"\S{{{width + 1},}}")
    return pattern.sub(lambda m: " ".join(_chunks(m.group(0), width)), text)


def _chunks(word: str, width: int) -> list[str]:
    return [word[i : i + width] for i in range(0, len(word), width)]


def clean_html(value: str) -> SafeString:
    """Keep a small set of formatting tags; drop scripts, styles, event handlers and the rest."""
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
