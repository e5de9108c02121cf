from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    """One run of a periodic job for one period (e.g. "digests-daily" on 2026-12-01): the unique
    pair makes a timer that fires twice in the same period enqueue the job only once."""

    job = models.CharField(_("job"), max_length=60)
    period = models.CharField(_("period"), max_length=40)
    enqueued_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        ordering = ["-enqueued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="tasks_periodic_run_once")
        ]
        verbose_name = _("periodic run")
        verbose_name_plural = _("periodic runs")

    def __str__(self) -> str:
        return f"{self.job} {self.period}"
