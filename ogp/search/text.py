"""Accent folding and Snowball stemming per language (the SQLite index and the highlighter;
PostgreSQL does the same with its unaccent + <language>_stem configurations)."""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}
WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _stemmer(language: str):  # type: ignore[no-untyped-def]
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


@lru_cache(maxsize=100_000)
def _stem(language: str, word: str) -> str:
    # the pure-Python stemmer costs about 0.3 ms a word; texts repeat their words
    return str(_stemmer(language).stemWord(word))


def terms(text: str, language: str) -> list[str]:
    """The index terms of `text`: words, lower case, accents removed, stemmed."""
    return [_stem(language, word) for word in WORD.findall(fold(text))]
