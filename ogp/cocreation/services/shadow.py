"""Shadow action plans by civil-society organisations, and turning them into proposals."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ogp.accounts.models import Role, User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record
from ogp.core.errors import ServiceError
from ogp.countries.models import Country

from ..models import CoCreationPlan, DraftVersion, OgpValue, Proposal, ShadowPlan
from .common import require_perm
from .drafts import draft_publish
from .inputs import proposal_create


def _unique_slug(base: str) -> str:
    slug = slugify(base)[:100] or "shadow-plan"
    candidate, n = slug, 2
    while ShadowPlan.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


@transaction.atomic
def shadow_create(
    *, acting_user: User, country: Country, title: str, summary: str = "", is_demo: bool = False
) -> ShadowPlan:
    require_perm(acting_user, "cocreation.add_shadow_plan")
    if not title.strip():
        raise ServiceError(_("Give the shadow plan a title."))
    shadow = ShadowPlan.objects.create(
        country=country,
        title=title.strip(),
        slug=_unique_slug(f"{country.iso3}-shadow-{title}"),
        summary=summary.strip(),
        created_by=acting_user,
        is_demo=is_demo,
    )
    shadow.editors.add(acting_user)
    if acting_user.organisation_id:
        shadow.organisations.add(acting_user.organisation_id)
    audit_record(actor=acting_user, action=AuditAction.SHADOW_CREATE, target=shadow)
    return shadow


@transaction.atomic
def shadow_editor_add(*, acting_user: User, shadow: ShadowPlan, editor: User) -> None:
    """Add a co-editor; their organisation joins the plan's signatories."""
    require_perm(acting_user, "cocreation.edit_shadow_plan", shadow)
    if editor.role != Role.CIVIL_SOCIETY:
        raise ServiceError(_("Co-editors must be members of a civil-society organisation."))
    shadow.editors.add(editor)
    if editor.organisation_id:
        shadow.organisations.add(editor.organisation_id)
    audit_record(
        actor=acting_user,
        action=AuditAction.SHADOW_EDITOR_ADD,
        target=shadow,
        after={"editor": editor.pk},
    )


@transaction.atomic
def shadow_publish(*, acting_user: User, shadow: ShadowPlan, version: DraftVersion) -> ShadowPlan:
    """Publish a version under the organisations' names (the first publication makes the
    shadow plan public; later versions keep their numbers)."""
    require_perm(acting_user, "cocreation.edit_shadow_plan", shadow)
    if version.shadow_plan_id != shadow.pk:
        raise ServiceError(_("This version belongs to another plan."))
    draft_publish(acting_user=acting_user, version=version)
    if shadow.published_at is None:
        shadow.published_at = timezone.now()
        shadow.save(update_fields=["published_at"])
        audit_record(actor=acting_user, action=AuditAction.SHADOW_PUBLISH, target=shadow)
    return shadow


@transaction.atomic
def shadow_commitments_propose(
    *, acting_user: User, shadow: ShadowPlan, plan: CoCreationPlan
) -> list[Proposal]:
    """Submit every commitment of the latest published shadow version as a proposal to the
    country's plan, in one step (already submitted ones are skipped)."""
    require_perm(acting_user, "cocreation.propose_shadow_commitments", shadow)
    if plan.country_id != shadow.country_id:
        raise ServiceError(_("The plan is another country's."))
    latest = shadow.versions.filter(number__isnull=False).order_by("-number").first()
    if latest is None:
        raise ServiceError(_("Publish the shadow plan first."))
    done = set(
        Proposal.objects.filter(
            plan=plan, from_shadow_commitment__version__shadow_plan=shadow
        ).values_list("from_shadow_commitment__key", flat=True)
    )
    proposals = []
    for commitment in latest.commitments.all():
        if commitment.key in done:
            continue
        values: list[str] = [
            value.value
            for value, text in (
                (OgpValue.TRANSPARENCY, commitment.relevance_transparency),
                (OgpValue.PARTICIPATION, commitment.relevance_participation),
                (OgpValue.ACCOUNTABILITY, commitment.relevance_accountability),
            )
            if text.strip()
        ] or [OgpValue.PARTICIPATION.value]
        proposals.append(
            proposal_create(
                acting_user=acting_user,
                plan=plan,
                title=commitment.title[:200],
                problem=commitment.problem,
                solution="\n\n".join(
                    t for t in (commitment.objective, commitment.how_it_helps) if t.strip()
                ),
                values=values,
                policy_area=commitment.policy_area or "access_to_information",
                from_shadow_commitment=commitment,
            )
        )
    return proposals
