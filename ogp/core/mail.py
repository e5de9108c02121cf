"""Sending e-mail rendered from templates, in the recipient's language.

This is the one place every app sends through. The message is rendered now (in the request,
where the context objects are), stored in the outbox and delivered by a background task with
retries (ogp/core/tasks.py): a failing mail server never breaks the page, nothing is sent twice.
"""

import base64
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist, engines
from django.template.loader import render_to_string
from django.utils import translation

from ogp.core.site import site_base_url


def _render_plain_text(name: str, context: Mapping[str, object]) -> str:
    """Plain-text e-mails are not HTML: no escaping (an apostrophe stays an apostrophe)."""
    wrapper = engines["django"].from_string(
        "{% autoescape off %}{% include name %}{% endautoescape %}"
    )
    return wrapper.render({**context, "name": name})


def send_templated_mail(
    *,
    to: Iterable[str],
    template: str,
    context: Mapping[str, object] | None = None,
    language: str | None = None,
    headers: Mapping[str, str] | None = None,
    attachments: Iterable[tuple[str, bytes, str]] = (),
) -> int:
    """Render `<template>_subject.txt`, `<template>.txt` and optional `<template>.html`, send.

    `attachments` are (filename, content, MIME type) triples, e.g. an iCalendar file.
    """
    ctx = {"site_url": site_base_url(), **(context or {})}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(_render_plain_text(f"{template}_subject.txt", ctx).split())
        body = _render_plain_text(f"{template}.txt", ctx)
        try:
            html = render_to_string(f"{template}.html", ctx)
        except TemplateDoesNotExist:
            html = None
    from .models import OutboundEmail

    email = OutboundEmail.objects.create(
        template=template,
        to=list(to),
        subject=subject,
        body=body,
        html=html or "",
        headers=dict(headers or {}),
        attachments=[
            [filename, base64.b64encode(content).decode("ascii"), mimetype]
            for filename, content, mimetype in attachments
        ],
    )
    queue_email(email.pk)
    return 1


def queue_email(email_id: int) -> None:
    """Hand a stored e-mail to the task queue once the surrounding transaction commits (the
    in-process backend used by tests and `TASKS_BACKEND=immediate` delivers at once)."""
    from django_tasks import default_task_backend

    from .tasks import enqueue_delivery

    if not default_task_backend.supports_defer:
        enqueue_delivery(email_id)
    else:
        transaction.on_commit(lambda: enqueue_delivery(email_id), robust=True)
