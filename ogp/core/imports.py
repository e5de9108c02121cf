"""Large imports run as background tasks, not in the request.

A view (web or API) stores the upload as an `ImportJob` and queues `run_import_job`; the task
runs the import kind's function (declared by an app through the `import_runners` hook) in one
transaction: either its result is recorded, or every error is and nothing is written. A job
runs once, however many times its task is queued. With the in-process backend (tests,
`TASKS_BACKEND=immediate`) the job has finished when `import_job_create` returns, and the
caller shows the outcome at once; otherwise it sends the person to the job's status page.
"""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task

from . import hooks
from .errors import ServiceError
from .models import ImportJob

logger = logging.getLogger(__name__)


def import_runners() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for provider in hooks.import_runners.implementations():
        found.update(provider())
    return found


def import_job_create(
    *, acting_user: Any, kind: str, data: bytes, file_name: str, params: dict[str, Any]
) -> ImportJob:
    """Store the upload and queue its import (after the surrounding transaction commits)."""
    if kind not in import_runners():
        raise ServiceError(_("Unknown kind of import."))
    job = ImportJob.objects.create(
        kind=kind,
        data=data,
        file_name=file_name[:255],
        params=params,
        language=(translation.get_language() or settings.LANGUAGE_CODE)[:8],
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    if default_task_backend.supports_defer:
        transaction.on_commit(lambda: run_import_job.enqueue(job.pk), robust=True)
    else:
        run_import_job.enqueue(job.pk)
        job.refresh_from_db()
    return job


@task()
def run_import_job(job_id: int) -> str:
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return "skipped"  # already run (or running): an import never runs twice
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    runner = import_runners().get(job.kind)
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            if runner is None:
                raise ServiceError(_("Unknown kind of import."))
            with transaction.atomic():
                result = runner(
                    acting_user=job.created_by,
                    data=bytes(job.data),
                    file_name=job.file_name,
                    params=dict(job.params),
                )
        except ValidationError as error:  # the import refused the file: every reason
            job.state, job.errors = ImportJob.State.FAILED, [str(m) for m in error.messages]
        except Exception as error:  # noqa: BLE001 - recorded for staff, nothing was written
            logger.exception("import job %s failed", job_id)
            job.state = ImportJob.State.FAILED
            job.errors = [
                _("The import stopped on an unexpected error (%(error)s); nothing was written.")
                % {"error": type(error).__name__}
            ]
        else:
            job.state, job.result = ImportJob.State.DONE, result
    job.data = b""
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "errors", "result", "data", "finished_at"])
    return str(job.state)
