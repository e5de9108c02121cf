"""Similar proposals: shown before a new one is submitted, so people support instead of repeat.

Word overlap (Jaccard) on accent- and case-folded words of three letters or more, without the
commonest English, French and Spanish words. Cheap, language-neutral and explainable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_STOPWORDS_TEXT = """
the and for with that this from are was were have has not but all any can our their
les des une pour par avec dans sur que qui est sont pas plus aux ces son ses nos vos leur
los las una por con para del como mas sus sin sobre entre esta este
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in _WORD.findall(fold(text))
        if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()
    )


@dataclass(frozen=True)
class Match:
    key: int
    score: float


def similar(
    text: str,
    candidates: Iterable[tuple[int, str]],
    *,
    limit: int = 5,
    threshold: float = 0.2,
) -> tuple[Match, ...]:
    """Best matches of ``text`` among ``(key, text)`` candidates, best first, ties by key."""
    target = words(text)
    if not target:
        return ()
    scored = []
    for key, candidate_text in candidates:
        other = words(candidate_text)
        if not other:
            continue
        score = len(target & other) / len(target | other)
        if score >= threshold:
            scored.append(Match(key, round(score, 3)))
    scored.sort(key=lambda m: (-m.score, m.key))
    return tuple(scored[:limit])
