"""Staff or IRM assessments of the Standards' minimum requirements."""

from django.db import transaction
from django.utils import timezone

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot

from ..models import CoCreationPlan, StandardAssessment
from .common import plan_touch, require_perm


@transaction.atomic
def assessment_set(
    *, acting_user: User, plan: CoCreationPlan, code: str, status: str, note: str = ""
) -> StandardAssessment:
    require_perm(acting_user, "cocreation.assess_standards", plan)
    existing = StandardAssessment.objects.filter(plan=plan, code=code).first()
    before = snapshot(existing, ["status", "note"]) if existing else None
    assessment, _created = StandardAssessment.objects.update_or_create(
        plan=plan,
        code=code,
        defaults={
            "status": status,
            "note": note.strip(),
            "assessed_by": acting_user,
            "assessed_on": timezone.localdate(),
        },
    )
    plan_touch(plan.pk)
    audit_record(
        actor=acting_user,
        action=AuditAction.STANDARDS_ASSESSMENT_SET,
        target=plan,
        before=before,
        after={"code": code, **snapshot(assessment, ["status", "note"])},
    )
    return assessment
