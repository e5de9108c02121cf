"""Plans and co-creation join the audit action enumeration: rename the names they recorded
under their app prefix ("plans.<entity>.<verb>", "cocreation.<entity>_<verb>"). The mapping is
copied here so that later edits to the enumeration do not change what this migration did."""

from django.db import migrations

PREFIXED_ACTIONS = {
    "plans.contrary.propose": "contrary_finding.propose",
    "plans.contrary.confirm": "contrary_finding.confirm",
    "plans.contrary.dismiss": "contrary_finding.dismiss",
    "plans.milestone.create": "milestone.create",
    "plans.progress.update": "progress_update.create",
    "plans.progress.confirm": "progress_review.confirm",
    "plans.progress.dispute": "progress_review.dispute",
    "plans.commitment.template_update": "commitment.template_update",
    "plans.commitment.institution_add": "commitment.institution_add",
    "plans.commitment.update_from_sheet": "commitment.sheet_update",
    "plans.commitment.irm_coding_published": "commitment.irm_coding_publish",
    "plans.plan.dates": "action_plan.dates_set",
    "plans.plan.update_from_sheet": "action_plan.sheet_update",
    "plans.sheet.import": "sheet.import",
    "plans.scale.create": "scale.create",
    "plans.scale.update": "scale.update",
    "plans.irm_report.create": "irm_report.create",
    "plans.irm_report.update": "irm_report.update",
    "plans.irm_report.publish": "irm_report.publish",
    "plans.irm_coding.save": "irm_coding.save",
    "cocreation.plan_create": "cocreation_plan.create",
    "cocreation.plan_update": "cocreation_plan.update",
    "cocreation.plan_open": "cocreation_plan.open",
    "cocreation.plan_submit": "cocreation_plan.submit",
    "cocreation.plan_return": "cocreation_plan.return",
    "cocreation.plan_withdraw": "cocreation_plan.withdraw",
    "cocreation.plan_publish": "cocreation_plan.publish",
    "cocreation.plan_published_records": "published_plan.create",
    "cocreation.step_save": "step.save",
    "cocreation.step_delete": "step.delete",
    "cocreation.opportunity_save": "opportunity.save",
    "cocreation.document_add": "document.add",
    "cocreation.assessment_set": "standards_assessment.set",
    "cocreation.draft_publish": "draft.publish",
    "cocreation.proposal_create": "proposal.create",
    "cocreation.proposal_create_anonymous": "proposal.create_anonymous",
    "cocreation.proposal_confirm": "proposal.confirm",
    "cocreation.proposal_support": "proposal.support",
    "cocreation.proposal_unsupport": "proposal.unsupport",
    "cocreation.proposal_comment": "proposal_comment.create",
    "cocreation.comment_create": "comment.create",
    "cocreation.offline_input": "offline_input.create",
    "cocreation.ledger_respond": "ledger.respond",
    "cocreation.shadow_create": "shadow.create",
    "cocreation.shadow_editor_add": "shadow.editor_add",
    "cocreation.shadow_publish": "shadow.publish",
}


def forward(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for old, new in PREFIXED_ACTIONS.items():
        AuditEvent.objects.filter(action=old).update(action=new)


def backward(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for old, new in PREFIXED_ACTIONS.items():
        AuditEvent.objects.filter(action=new).update(action=old)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_merge_20261201_2210")]

    operations = [migrations.RunPython(forward, backward)]
