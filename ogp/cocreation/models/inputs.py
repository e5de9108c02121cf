"""Input from anyone: proposals and their supports, offline input, and the ledger."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.organisations.models import FocusAreaCode

from ..domain.ledger import Disposition
from .moderation import ModeratedContent


class OgpValue(models.TextChoices):
    TRANSPARENCY = "transparency", _("Transparency")
    PARTICIPATION = "participation", _("Civic participation")
    ACCOUNTABILITY = "accountability", _("Public accountability")
    INCLUSION = "inclusion", _("Inclusion")
    TECHNOLOGY = "technology", _("Technology and innovation")


# A commitment must advance at least one of these; the others only come on top.
CORE_VALUES = (OgpValue.TRANSPARENCY, OgpValue.PARTICIPATION, OgpValue.ACCOUNTABILITY)


class Proposal(ModeratedContent):
    plan = models.ForeignKey(
        "cocreation.CoCreationPlan", on_delete=models.CASCADE, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cocreation_proposals",
    )
    # Visitors without an account: the address their confirmation link went to; the proposal
    # is public (and enters the ledger) only once confirmed.
    author_email = models.EmailField(blank=True)
    is_confirmed = models.BooleanField(default=True)
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("the problem"))
    solution = models.TextField(_("the proposed solution"))
    values = models.JSONField(_("OGP values it serves"), default=list)
    policy_area = models.CharField(_("policy area"), max_length=40, choices=FocusAreaCode.choices)
    language = models.CharField(max_length=8)
    support_count = models.PositiveIntegerField(default=0, editable=False)
    from_shadow_commitment = models.ForeignKey(
        "cocreation.DraftCommitment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["plan", "-support_count"]),
            models.Index(fields=["plan", "-created_at"]),
            # the moderation queue's list of hidden content: the few hidden rows, newest first
            models.Index(
                fields=["-hidden_at"], name="proposal_hidden", condition=Q(is_hidden=True)
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def author_ids(self) -> set[int]:
        return {self.author_id} if self.author_id else set()

    def get_absolute_url(self) -> str:
        return reverse("cocreation:proposal-detail", args=[self.plan.slug, self.pk])

    def value_labels(self) -> list[str]:
        labels = dict(OgpValue.choices)
        return [str(labels[v]) for v in self.values if v in labels]


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cocreation_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="cocreation_one_support")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} supports {self.proposal_id}"


class OfflineSource(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    PAPER = "paper", _("Paper form or letter")
    PHONE = "phone", _("Telephone")
    OTHER = "other", _("Other")


class OfflineInput(models.Model):
    """Input received outside the platform, recorded by government staff."""

    plan = models.ForeignKey(
        "cocreation.CoCreationPlan", on_delete=models.CASCADE, related_name="offline_inputs"
    )
    source = models.CharField(_("received by"), max_length=20, choices=OfflineSource.choices)
    received_on = models.DateField(_("received on"))
    received_from = models.CharField(_("from whom"), max_length=300)
    meeting = models.ForeignKey(
        "participation.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("forum meeting"),
    )
    summary = models.TextField(_("what was said or asked"))
    language = models.CharField(_("language of the input"), max_length=8)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return self.summary[:60]


class InputKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    COMMENT = "comment", _("Comment on a draft")
    OFFLINE = "offline", _("Input received offline")


class DispositionChoices(models.TextChoices):
    ADOPTED = Disposition.ADOPTED.value, _("Adopted")
    PARTLY_ADOPTED = Disposition.PARTLY_ADOPTED.value, _("Partly adopted")
    MERGED = Disposition.MERGED.value, _("Merged with another input")
    NOT_ADOPTED = Disposition.NOT_ADOPTED.value, _("Not adopted")
    OUT_OF_SCOPE = Disposition.OUT_OF_SCOPE.value, _("Out of scope")


class ResponderSide(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    FORUM = "forum", _("Multi-stakeholder forum")


class LedgerEntry(models.Model):
    """One input of a plan and its reasoned response (one row per proposal, comment or
    offline input, created with it)."""

    plan = models.ForeignKey(
        "cocreation.CoCreationPlan", on_delete=models.CASCADE, related_name="ledger"
    )
    kind = models.CharField(max_length=10, choices=InputKind.choices)
    proposal = models.OneToOneField(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="ledger_entry"
    )
    comment = models.OneToOneField(
        "cocreation.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ledger_entry",
    )
    offline = models.OneToOneField(
        OfflineInput, null=True, blank=True, on_delete=models.CASCADE, related_name="ledger_entry"
    )
    received_on = models.DateField()
    language = models.CharField(max_length=8)
    disposition = models.CharField(
        _("disposition"), max_length=20, choices=DispositionChoices.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    linked_commitment = models.ForeignKey(
        "cocreation.DraftCommitment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("commitment it became"),
    )
    linked_milestone = models.ForeignKey(
        "cocreation.DraftMilestone",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("milestone it became"),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        verbose_name=_("merged with"),
    )
    responder_side = models.CharField(max_length=12, choices=ResponderSide.choices, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_on", "pk"]
        verbose_name_plural = _("ledger entries")
        indexes = [models.Index(fields=["plan", "disposition"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="proposal",
                        proposal__isnull=False,
                        comment__isnull=True,
                        offline__isnull=True,
                    )
                    | Q(
                        kind="comment",
                        proposal__isnull=True,
                        comment__isnull=False,
                        offline__isnull=True,
                    )
                    | Q(
                        kind="offline",
                        proposal__isnull=True,
                        comment__isnull=True,
                        offline__isnull=False,
                    )
                ),
                name="cocreation_ledger_one_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.source_id}"

    @property
    def source_id(self) -> int | None:
        return self.proposal_id or self.comment_id or self.offline_id

    @property
    def ref(self) -> str:
        """Stable public reference, e.g. ``P-12``."""
        prefix = {"proposal": "P", "comment": "C", "offline": "O"}[self.kind]
        return f"{prefix}-{self.pk}"

    @property
    def source(self):  # type: ignore[no-untyped-def]
        return self.proposal or self.comment or self.offline

    @property
    def is_hidden(self) -> bool:
        source = self.proposal or self.comment
        return bool(source and source.is_hidden)

    @property
    def text(self) -> str:
        if self.proposal:
            return f"{self.proposal.title}\n\n{self.proposal.problem}\n\n{self.proposal.solution}"
        if self.comment:
            return self.comment.body
        return self.offline.summary if self.offline else ""
