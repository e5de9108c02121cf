"""Input: proposals and supports, comments, offline input, and reasoned responses."""

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.participation.models import Meeting

from ..domain.ledger import Disposition, ResponseProblem, response_problems
from ..models import (
    CORE_VALUES,
    CoCreationPlan,
    Comment,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    InputKind,
    LedgerEntry,
    OfflineInput,
    OgpValue,
    Proposal,
    ResponderSide,
    Support,
)
from .common import plan_touch, require_perm
from .notices import ledger_answer, ledger_answer_notify

MAX_TEXT = 10_000


def _language() -> str:
    return (translation.get_language() or "en")[:2]


def _clean(text: str, label: str, *, required: bool = True, max_length: int = MAX_TEXT) -> str:
    text = (text or "").strip()
    if required and not text:
        raise ServiceError(_("%(field)s cannot be empty.") % {"field": label})
    if len(text) > max_length:
        raise ServiceError(
            _("%(field)s is too long (at most %(max)s characters).")
            % {"field": label, "max": max_length}
        )
    return text


@transaction.atomic
def proposal_create(
    *,
    acting_user: User,
    plan: CoCreationPlan,
    title: str,
    problem: str,
    solution: str,
    values: list[str],
    policy_area: str,
    language: str | None = None,
    from_shadow_commitment: DraftCommitment | None = None,
    is_demo: bool = False,
) -> Proposal:
    require_perm(acting_user, "cocreation.add_proposal", plan)
    chosen = [v for v in OgpValue.values if v in set(values)]
    if not any(v in CORE_VALUES for v in chosen):
        raise ServiceError(
            _(
                "Choose at least one of transparency, civic participation or public "
                "accountability: inclusion and technology count only on top of one of them."
            )
        )
    proposal = Proposal.objects.create(
        plan=plan,
        author=acting_user,
        title=_clean(title, _("The title"), max_length=200),
        problem=_clean(problem, _("The problem")),
        solution=_clean(solution, _("The proposed solution")),
        values=chosen,
        policy_area=policy_area,
        language=language or _language(),
        from_shadow_commitment=from_shadow_commitment,
        is_demo=is_demo,
    )
    LedgerEntry.objects.create(
        plan=plan,
        kind=InputKind.PROPOSAL,
        proposal=proposal,
        received_on=timezone.localdate(),
        language=proposal.language,
    )
    plan_touch(plan.pk)
    audit_record(
        actor=acting_user,
        action=AuditAction.PROPOSAL_CREATE,
        target=proposal,
        after=snapshot(proposal, ["title", "values", "policy_area"]),
    )
    return proposal


@transaction.atomic
def proposal_support(*, acting_user: User, proposal: Proposal) -> Support:
    """One support per person; supporting twice is refused, not counted twice."""
    require_perm(acting_user, "cocreation.support_proposal", proposal)
    if proposal.is_hidden:
        raise ServiceError(_("This proposal is hidden and cannot be supported."))
    try:
        with transaction.atomic():
            support = Support.objects.create(proposal=proposal, user=acting_user)
    except IntegrityError as error:
        raise ServiceError(_("You already support this proposal.")) from error
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    plan_touch(proposal.plan_id)
    audit_record(actor=acting_user, action=AuditAction.PROPOSAL_SUPPORT, target=proposal)
    return support


@transaction.atomic
def proposal_unsupport(*, acting_user: User, proposal: Proposal) -> None:
    deleted, _count = Support.objects.filter(proposal=proposal, user=acting_user).delete()
    if not deleted:
        raise ServiceError(_("You do not support this proposal."))
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    plan_touch(proposal.plan_id)
    audit_record(actor=acting_user, action=AuditAction.PROPOSAL_UNSUPPORT, target=proposal)


def anchors_of(version: DraftVersion) -> set[str]:
    """Every paragraph and milestone a comment can attach to in this version."""
    anchors = {f"intro-{i}" for i, _p in enumerate(version.introduction_paragraphs(), start=1)}
    from ..models import COMMITMENT_TEXT_FIELDS

    for commitment in version.commitments.prefetch_related("milestones"):
        anchors.update(
            f"c-{commitment.key}-{name}"
            for name in COMMITMENT_TEXT_FIELDS
            if getattr(commitment, name)
        )
        anchors.update(f"m-{m.key}" for m in commitment.milestones.all())
    return anchors


def comment_period_open(version: DraftVersion, today: datetime.date) -> bool:
    if version.published_at is None:
        return False
    if version.comments_open_from and today < version.comments_open_from:
        return False
    return not (version.comments_close_on and today > version.comments_close_on)


@transaction.atomic
def comment_create(*, acting_user: User, version: DraftVersion, anchor: str, body: str) -> Comment:
    """Comment on a paragraph or milestone of a published version, within its comment period.
    A comment on a government draft enters the plan's ledger."""
    require_perm(acting_user, "cocreation.comment_version", version)
    if not comment_period_open(version, timezone.localdate()):
        raise ServiceError(_("Comments on this version are closed."))
    if anchor not in anchors_of(version):
        raise ServiceError(_("This paragraph does not exist in this version."))
    comment = Comment.objects.create(
        version=version,
        anchor=anchor,
        author=acting_user,
        body=_clean(body, _("The comment")),
        language=_language(),
    )
    if version.plan_id:
        LedgerEntry.objects.create(
            plan_id=version.plan_id,
            kind=InputKind.COMMENT,
            comment=comment,
            received_on=timezone.localdate(),
            language=comment.language,
        )
    plan_touch(version.plan_id)
    audit_record(
        actor=acting_user,
        action=AuditAction.COMMENT_CREATE,
        target=comment,
        after={"version": version.number, "anchor": anchor},
    )
    return comment


@transaction.atomic
def proposal_comment_create(*, acting_user: User, proposal: Proposal, body: str) -> Comment:
    """Discussion under a proposal (not a separate ledger input: the proposal is)."""
    require_perm(acting_user, "cocreation.comment_proposal", proposal)
    comment = Comment.objects.create(
        proposal=proposal,
        author=acting_user,
        body=_clean(body, _("The comment")),
        language=_language(),
    )
    plan_touch(proposal.plan_id)
    audit_record(actor=acting_user, action=AuditAction.PROPOSAL_COMMENT_CREATE, target=comment)
    return comment


@transaction.atomic
def offline_input_create(
    *,
    acting_user: User,
    plan: CoCreationPlan,
    source: str,
    received_on: datetime.date,
    received_from: str,
    summary: str,
    language: str,
    meeting: Meeting | None = None,
) -> OfflineInput:
    require_perm(acting_user, "cocreation.add_offline_input", plan)
    if received_on > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."))
    if meeting is not None and meeting.forum_id != plan.forum_id:
        raise ServiceError(_("The meeting must be one of the plan's forum meetings."))
    item = OfflineInput.objects.create(
        plan=plan,
        source=source,
        received_on=received_on,
        received_from=_clean(received_from, _("Who it came from"), max_length=300),
        summary=_clean(summary, _("The summary")),
        language=language,
        meeting=meeting,
        recorded_by=acting_user,
    )
    LedgerEntry.objects.create(
        plan=plan,
        kind=InputKind.OFFLINE,
        offline=item,
        received_on=received_on,
        language=language,
    )
    plan_touch(plan.pk)
    audit_record(
        actor=acting_user,
        action=AuditAction.OFFLINE_INPUT_CREATE,
        target=plan,
        after=snapshot(item, ["source", "received_on", "received_from", "language"]),
    )
    return item


RESPONSE_PROBLEMS = {
    ResponseProblem.NO_DISPOSITION: gettext_lazy("Choose what happened to this input."),
    ResponseProblem.NO_REASON: gettext_lazy("Write the reason; it is published with the input."),
    ResponseProblem.NO_LINK: gettext_lazy("Say which commitment or milestone this input became."),
    ResponseProblem.NO_MERGE_TARGET: gettext_lazy("Say which input it was merged with."),
    ResponseProblem.MERGED_WITH_ITSELF: gettext_lazy("An input cannot be merged with itself."),
}
RESPONSE_FIELDS = [
    "disposition",
    "reason",
    "linked_commitment",
    "linked_milestone",
    "merged_into",
    "responder_side",
]


@transaction.atomic
def ledger_respond(
    *,
    acting_user: User,
    entry: LedgerEntry,
    disposition: str,
    reason: str,
    linked_commitment: DraftCommitment | None = None,
    linked_milestone: DraftMilestone | None = None,
    merged_into: LedgerEntry | None = None,
) -> LedgerEntry:
    """Record (or correct) the reasoned response to one input."""
    require_perm(acting_user, "cocreation.respond_input", entry)
    entry = LedgerEntry.objects.select_for_update().select_related("plan").get(pk=entry.pk)
    if not entry.plan.is_editable:
        raise ServiceError(_("The plan has been submitted; its ledger is closed."))
    if disposition and disposition not in {d.value for d in Disposition}:
        raise ServiceError(_("Unknown disposition."))
    if linked_milestone is not None and linked_commitment is None:
        linked_commitment = linked_milestone.commitment
    for linked in (linked_commitment,):
        if linked is not None and linked.version.plan_id != entry.plan_id:
            raise ServiceError(_("The commitment belongs to another plan."))
    if merged_into is not None and merged_into.plan_id != entry.plan_id:
        raise ServiceError(_("The other input belongs to another plan."))
    problems = response_problems(
        key=str(entry.pk),
        disposition=disposition or None,
        reason=reason,
        linked_to=str(linked_commitment.pk) if linked_commitment else None,
        merged_into=str(merged_into.pk) if merged_into else None,
    )
    if problems:
        raise ServiceError([str(RESPONSE_PROBLEMS[p]) for p in problems])
    keep_link = disposition in {Disposition.ADOPTED, Disposition.PARTLY_ADOPTED}
    before = ledger_answer(entry)
    responder_side = (
        ResponderSide.GOVERNMENT
        if acting_user.has_perm("cocreation.edit_draft", entry.plan)
        else ResponderSide.FORUM
    )
    entry = audited_update(
        acting_user=acting_user,
        instance=entry,
        action=AuditAction.LEDGER_RESPOND,
        fields=RESPONSE_FIELDS,
        changes={
            "disposition": disposition,
            "reason": reason.strip(),
            "linked_commitment": linked_commitment if keep_link else None,
            "linked_milestone": linked_milestone if keep_link else None,
            "merged_into": merged_into if disposition == Disposition.MERGED else None,
            "responder_side": responder_side,
            "responded_by": acting_user,
            "responded_at": timezone.now(),
        },
        save_all=True,
    )
    plan_touch(entry.plan_id)
    ledger_answer_notify(acting_user=acting_user, entry=entry, before=before)
    return entry


def moderation_targets() -> dict[str, Any]:
    """Models of this app that can be reported and hidden (see models/moderation.py)."""
    return {"cocreation.proposal": Proposal, "cocreation.comment": Comment}


PROPOSAL_CONFIRM_SALT = "ogp.cocreation.proposal-confirm"
PROPOSAL_CONFIRM_MAX_AGE = 7 * 24 * 3600


def proposal_confirm_token(proposal: Proposal) -> str:
    from django.core import signing

    return signing.TimestampSigner(salt=PROPOSAL_CONFIRM_SALT).sign(str(proposal.pk))


@transaction.atomic
def proposal_create_anonymous(
    *,
    plan: CoCreationPlan,
    email: str,
    title: str,
    problem: str,
    solution: str,
    values: list[str],
    policy_area: str,
    confirm_url: Any,
) -> Proposal:
    """A visitor's proposal, kept out of sight until the link e-mailed to ``email`` is opened
    (``confirm_url(token)`` builds that link). Only where the government allows it."""
    from django.contrib.auth.models import AnonymousUser

    from ogp.core.mail import send_templated_mail

    require_perm(AnonymousUser(), "cocreation.add_anonymous_proposal", plan)
    chosen = [v for v in OgpValue.values if v in set(values)]
    if not any(v in CORE_VALUES for v in chosen):
        raise ServiceError(
            _(
                "Choose at least one of transparency, civic participation or public "
                "accountability: inclusion and technology count only on top of one of them."
            )
        )
    proposal = Proposal.objects.create(
        plan=plan,
        author=None,
        author_email=email.strip(),
        is_confirmed=False,
        title=_clean(title, _("The title"), max_length=200),
        problem=_clean(problem, _("The problem")),
        solution=_clean(solution, _("The proposed solution")),
        values=chosen,
        policy_area=policy_area,
        language=_language(),
    )
    send_templated_mail(
        to=[proposal.author_email],
        template="cocreation/email/proposal_confirm",
        context={
            "proposal": proposal,
            "plan": plan,
            "url": confirm_url(proposal_confirm_token(proposal)),
        },
        language=proposal.language,
    )
    audit_record(
        actor=None,
        action=AuditAction.PROPOSAL_CREATE_ANONYMOUS,
        target=proposal,
        note="visitor without an account; waiting for e-mail confirmation",
    )
    return proposal


@transaction.atomic
def proposal_confirm(*, token: str) -> Proposal:
    """Publish a visitor's proposal from its e-mailed link (idempotent)."""
    from django.core import signing

    try:
        pk = signing.TimestampSigner(salt=PROPOSAL_CONFIRM_SALT).unsign(
            token, max_age=PROPOSAL_CONFIRM_MAX_AGE
        )
    except signing.BadSignature as error:
        raise ServiceError(_("This confirmation link is not valid or has expired.")) from error
    proposal = Proposal.objects.select_for_update().filter(pk=int(pk)).first()
    if proposal is None:
        raise ServiceError(_("This confirmation link is not valid or has expired."))
    if proposal.is_confirmed:
        return proposal
    proposal.is_confirmed = True
    proposal.save(update_fields=["is_confirmed"])
    LedgerEntry.objects.create(
        plan=proposal.plan,
        kind=InputKind.PROPOSAL,
        proposal=proposal,
        received_on=timezone.localdate(),
        language=proposal.language,
    )
    plan_touch(proposal.plan_id)
    audit_record(
        actor=None,
        action=AuditAction.PROPOSAL_CONFIRM,
        target=proposal,
        note="confirmed by the link e-mailed to its author",
    )
    return proposal
