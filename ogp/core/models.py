"""The e-mail outbox: every message is stored, then delivered by a background task with retries.

A row is the single source of truth for "was it sent": the task locks it and sends only while
it is not yet sent, so a retried or duplicated task never sends the same message twice.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed after the last try")

    template = models.CharField(_("template"), max_length=200, blank=True)
    to = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict)
    attachments = models.JSONField(default=list)  # [[filename, base64 content, MIME type]]
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("tries"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last try"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)} ({self.status})"


class ImportJob(models.Model):
    """A large import (a publisher's file, OGP's commitments sheet) run as a background task:
    the uploaded bytes wait here until the task runs (emptied once it ends), with the state and
    the outcome: the result, or every error and nothing written."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind of import"), max_length=60)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    file_name = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(editable=False)
    params = models.JSONField(default=dict)
    language = models.CharField(max_length=8, blank=True)
    result = models.JSONField(_("result"), default=dict)
    errors = models.JSONField(_("errors"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.state})"

    def get_absolute_url(self) -> str:
        return reverse("ogp_tasks:import-job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
