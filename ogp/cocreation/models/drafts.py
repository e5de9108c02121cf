"""Draft plans in OGP's commitment template: numbered versions, commitments, milestones."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.organisations.models import FocusAreaCode

from .moderation import ModeratedContent

# Fields of a commitment in the template, in reading order (also the diff's order).
COMMITMENT_TEXT_FIELDS = (
    "title",
    "problem",
    "status_quo",
    "objective",
    "how_it_helps",
    "relevance_transparency",
    "relevance_participation",
    "relevance_accountability",
    "lead_institution",
    "supporting_institutions",
    "supporting_civil_society",
)


def commitment_field_label(name: str) -> str:
    """The translated label of a commitment template field."""
    return str(DraftCommitment._meta.get_field(name).verbose_name)  # type: ignore[union-attr]


class DraftVersion(models.Model):
    """A version of a draft plan (or of a shadow plan). ``number`` is set when published;
    until then it is the working copy its editors change. Published versions never change."""

    plan = models.ForeignKey(
        "cocreation.CoCreationPlan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="versions",
    )
    shadow_plan = models.ForeignKey(
        "cocreation.ShadowPlan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"), null=True, blank=True, editable=False)
    introduction = models.TextField(_("introduction"), blank=True)
    changelog = models.TextField(_("what changed in this version"), blank=True)
    comments_open_from = models.DateField(_("comments open on"), null=True, blank=True)
    comments_close_on = models.DateField(_("comments close on"), null=True, blank=True)
    is_final = models.BooleanField(_("final version for submission"), default=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plan__isnull=False, shadow_plan__isnull=True)
                | Q(plan__isnull=True, shadow_plan__isnull=False),
                name="cocreation_version_of_one_plan",
            ),
            models.UniqueConstraint(
                fields=["plan", "number"],
                condition=Q(number__isnull=False, plan__isnull=False),
                name="cocreation_unique_version_number",
            ),
            models.UniqueConstraint(
                fields=["shadow_plan", "number"],
                condition=Q(number__isnull=False, shadow_plan__isnull=False),
                name="cocreation_unique_shadow_version_number",
            ),
        ]

    def __str__(self) -> str:
        return f"v{self.number}" if self.number else "working draft"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def introduction_paragraphs(self) -> list[str]:
        return [
            p.strip() for p in self.introduction.replace("\r\n", "\n").split("\n\n") if p.strip()
        ]


class DraftCommitment(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="commitments")
    key = models.CharField(max_length=16, help_text="Stable across versions.")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=300)
    problem = models.TextField(_("problem to solve (with its baseline)"))
    status_quo = models.TextField(_("what has been done so far"), blank=True)
    objective = models.TextField(_("what the commitment is: objective and expected results"))
    how_it_helps = models.TextField(_("how it will help solve the problem"), blank=True)
    relevance_transparency = models.TextField(_("relevance to transparency"), blank=True)
    relevance_participation = models.TextField(_("relevance to civic participation"), blank=True)
    relevance_accountability = models.TextField(_("relevance to public accountability"), blank=True)
    lead_institution = models.CharField(_("lead implementing institution"), max_length=300)
    supporting_institutions = models.TextField(_("supporting government institutions"), blank=True)
    supporting_civil_society = models.TextField(
        _("supporting civil society and other stakeholders"), blank=True
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    policy_area = models.CharField(
        _("policy area"), max_length=40, choices=FocusAreaCode.choices, blank=True
    )
    published_as = models.ForeignKey(
        "plans.Commitment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="cocreation_commitment_key")
        ]

    def __str__(self) -> str:
        return self.title

    def text_fields(self) -> dict[str, str]:
        fields = {name: str(getattr(self, name) or "") for name in COMMITMENT_TEXT_FIELDS}
        fields["milestones"] = "\n".join(
            f"{m.title} — {m.expected_output} — {m.due_on.isoformat() if m.due_on else ''}"
            for m in self.milestones.all()
        )
        return fields


class DraftMilestone(models.Model):
    commitment = models.ForeignKey(
        DraftCommitment, on_delete=models.CASCADE, related_name="milestones"
    )
    key = models.CharField(max_length=16)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("milestone"), max_length=300)
    expected_output = models.CharField(_("expected output"), max_length=300, blank=True)
    due_on = models.DateField(_("expected completion date"), null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Comment(ModeratedContent):
    """A comment on a paragraph or milestone of a published version (``anchor`` names it), or
    on a proposal. Kept small on purpose: the engagement app may take comments over."""

    version = models.ForeignKey(
        DraftVersion, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    anchor = models.CharField(max_length=60, blank=True)
    proposal = models.ForeignKey(
        "cocreation.Proposal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cocreation_comments"
    )
    body = models.TextField(_("comment"))
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["version", "anchor"]),
            # the moderation queue's list of hidden content: the few hidden rows, newest first
            models.Index(fields=["-hidden_at"], name="comment_hidden", condition=Q(is_hidden=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=False, proposal__isnull=True)
                | Q(version__isnull=True, proposal__isnull=False),
                name="cocreation_comment_on_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]

    def author_ids(self) -> set[int]:
        return {self.author_id}

    def get_absolute_url(self) -> str:
        if self.proposal_id:
            return self.proposal.get_absolute_url()  # type: ignore[union-attr]
        version = self.version
        assert version is not None
        owner = version.plan or version.shadow_plan
        name = (
            "cocreation:version-detail" if version.plan_id else "cocreation:shadow-version-detail"
        )
        url = reverse(name, args=[owner.slug, version.number])  # type: ignore[union-attr]
        return f"{url}#{self.anchor}"
