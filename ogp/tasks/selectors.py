from django.db.models import Count, QuerySet

from ogp.core.models import OutboundEmail

from .models import PeriodicRun


def email_counts() -> dict[str, int]:
    rows = OutboundEmail.objects.order_by().values("status").annotate(n=Count("id"))
    counts = {status: 0 for status in OutboundEmail.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def failed_emails() -> QuerySet[OutboundEmail]:
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).defer("body", "html")


def recent_runs(limit: int = 20) -> QuerySet[PeriodicRun]:
    return PeriodicRun.objects.all()[:limit]
