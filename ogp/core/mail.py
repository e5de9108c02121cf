"""Sending e-mail rendered from templates, in the recipient's language."""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
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
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        headers=dict(headers or {}),
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()
