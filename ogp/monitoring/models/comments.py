"""What every public comment on a monitoring report has: one target (a section or a
commitment), the text, and the answer with the co-creation ledger's dispositions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ogp.cocreation.models import DispositionChoices

# The parts of a stored answer that make it "the same answer" (see answer notices).
ANSWER_FIELDS = ("disposition", "reason", "merged_into_id")


def one_target_constraint(name: str) -> models.CheckConstraint:
    """A comment is on a section (``section_key``) or on a commitment, never both or neither."""
    return models.CheckConstraint(
        condition=(
            (models.Q(section_key="") & models.Q(commitment__isnull=False))
            | (~models.Q(section_key="") & models.Q(commitment__isnull=True))
        ),
        name=name,
    )


class ReportComment(models.Model):
    """Concrete comments add ``report``, ``author`` and ``section_key`` (their related names and
    section choices differ) and the constraint above under their own name."""

    commitment = models.ForeignKey(
        "plans.Commitment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("your comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    disposition = models.CharField(
        _("disposition"), max_length=20, choices=DispositionChoices.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    @property
    def country_id(self) -> int:
        return self.report.plan.country_id  # type: ignore[attr-defined]

    @property
    def target(self) -> str:
        if self.commitment is not None:
            return f"commitment:{self.commitment.identifier}"
        return f"section:{self.section_key}"  # type: ignore[attr-defined]

    def answer(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in ANSWER_FIELDS)
