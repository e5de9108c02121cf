"""Alphabetical order of names as readers of each language expect it.

Accents and case are ignored at the first level (Côte d'Ivoire before Croatia, Égypte between
Égalité and Espagne, Türkiye before Tuvalu); in Spanish ñ is a letter of its own, after n
(España's ñ sorts after every n). Punctuation that readers skip when alphabetising (apostrophes,
hyphens, dots) is ignored. Pure Python, so the order is the same on SQLite and PostgreSQL.
"""

import unicodedata

from django.utils import translation

_SKIPPED = str.maketrans({"'": "", "’": "", "-": " ", ".": "", ",": "", "(": "", ")": ""})


def collation_key(name: str, language: str | None = None) -> tuple[str, str]:
    """Sort key: the name without accents first, then the name itself as a tie-breaker."""
    language = (language or translation.get_language() or "en")[:2]
    text = name.translate(_SKIPPED)
    if language == "es":
        text = text.replace("ñ", "n\U0010ffff").replace("Ñ", "N\U0010ffff")
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(base.split()), name
