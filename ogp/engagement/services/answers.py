"""Telling the author of an input (a comment, a proposal) that it was answered, in the author's
language, through the outbox once the answer is committed (see domain/answers.py for when)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation

from ogp.core.mail import send_templated_mail

from ..domain.answers import AnswerNotice, answer_notice

TEMPLATES = {
    AnswerNotice.ANSWERED: "engagement/email/answer_given",
    AnswerNotice.UPDATED: "engagement/email/answer_updated",
}


def answer_notice_send(
    *,
    author: Any | None,
    answerer: Any,
    before: Sequence[object],
    after: Sequence[object],
    context: Callable[[], Mapping[str, object]],
    email: str = "",
    language: str = "",
) -> AnswerNotice | None:
    """Queue the notice (on commit) when the rule says so; returns which one, or None.

    `author` is the input's user (None for a visitor, then `email`/`language` are those the
    input stored); `context()` is called in the recipient's language and gives the template
    `what` (what was commented on), `excerpt` (the input), `disposition` (its label), `reason`
    and `url` (absolute)."""
    if author is not None:
        if not author.is_active:
            return None
        email, language = author.email, author.preferred_language
    language = (language or settings.LANGUAGE_CODE)[:2]
    notice = answer_notice(
        before=before,
        after=after,
        author_id=getattr(author, "pk", None),
        answerer_id=getattr(answerer, "pk", None),
        has_address=bool(email),
    )
    if notice is None:
        return None
    with translation.override(language):
        values = {key: str(value) for key, value in context().items()}
    transaction.on_commit(
        lambda: send_templated_mail(
            to=[email], template=TEMPLATES[notice], context=values, language=language
        )
    )
    return notice
