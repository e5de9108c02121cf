"""Audit actions become one enumeration (ogp.audit.actions.AuditAction): rename the names
recorded before it. The mapping is copied here so that later edits to the enumeration do not
change what this migration did.

The field keeps no `choices`: a new action then needs no migration of the audit table, and
`audit_record` refuses any name that is not in the enumeration.
"""

from django.db import migrations

LEGACY_ACTIONS = {
    "eligibility.cycle.open": "cycle.open",
    "eligibility.cycle.configure": "cycle.configure",
    "eligibility.cycle.compute": "cycle.compute",
    "eligibility.cycle.publish": "cycle.publish",
    "eligibility.evidence.submit": "evidence.submit",
    "eligibility.evidence.accept": "evidence.accept",
    "eligibility.evidence.reject": "evidence.reject",
    "eligibility.ruleset.create": "ruleset.create",
    "eligibility.research.record": "research.record",
    "eligibility.release.import": "release.import",
    "membership.lead_agency_set": "lead_agency.set",
    "membership.invitation_create": "invitation.create",
    "membership.invitation_accept": "invitation.accept",
    "membership.contact_assign": "onboarding.contact_assign",
    "membership.onboarding_step": "onboarding.step_mark",
    "membership.onboarding_step_unmark": "onboarding.step_unmark",
    "membership.onboarding_restart": "onboarding.restart",
    "membership.inquiry_create": "inquiry.create",
    "membership.inquiry_reply": "inquiry.reply",
    "membership.inquiry_status": "inquiry.status_set",
    "membership.cochairs_set": "cochairs.set",
    "role_request.approved": "role_request.approve",
    "role_request.declined": "role_request.decline",
    "forum.request_create": "forum_request.create",
    "forum.request_approve": "forum_request.approve",
    "forum.request_decline": "forum_request.decline",
    "forum.request_withdraw": "forum_request.withdraw",
    "forum.member_add": "forum_member.add",
    "forum.member_update": "forum_member.update",
    "forum.member_remove": "forum_member.remove",
    "forum.meeting_create": "meeting.create",
    "forum.meeting_update": "meeting.update",
    "forum.document_add": "meeting_document.add",
    "forum.document_delete": "meeting_document.delete",
    "event.register": "event_registration.create",
    "event.promote": "event_registration.promote",
    "event.cancel_registration": "event_registration.cancel",
    "directory.create": "person.create",
    "directory.update": "person.update",
    "directory.delete": "person.delete",
    "digest.frequency": "digest.frequency_set",
    "moderation.report": "content_report.create",
    "moderation.hide": "content.hide",
    "moderation.restore": "content.restore",
    "moderation.dismiss": "content_reports.dismiss",
}


def forward(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for old, new in LEGACY_ACTIONS.items():
        AuditEvent.objects.filter(action=old).update(action=new)


def backward(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for old, new in LEGACY_ACTIONS.items():
        AuditEvent.objects.filter(action=new).update(action=old)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
