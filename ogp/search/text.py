"""Accent folding and Snowball stemming per language (the SQLite index and the highlighter;
PostgreSQL does the same with its unaccent + <language>_stem configurations)."""

import re
import unicodedata
from functools import cache

import snowballstemmer

STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}
WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _stemmer(language: str):  # type: ignore[no-untyped-def]
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


def terms(text: str, language: str) -> list[str]:
    """The index terms of `text`: words, lower case, accents removed, stemmed."""
    words = WORD.findall(fold(text))
    return list(_stemmer(language).stemWords(words)) if words else []
