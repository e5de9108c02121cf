"""Every action the audit trail records, one naming style: `<entity>.<verb>` (snake case, the
entity as in the service's name: `letter_submit` records `letter.submit`).

The label of each action is the sentence the trail shows, in the reader's language:
`%(actor)s` is who acted, `%(object)s` what they acted on.
`LEGACY_ACTIONS` maps the names recorded before this enumeration (migration 0002),
`PREFIXED_ACTIONS` those plans and co-creation recorded under their app prefix (migration 0004).
New actions are appended at the end of the enumeration, under a comment naming their app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    # accounts
    USER_ROLE_SET = "user.role_set", _("%(actor)s set the role of %(object)s")
    USER_PROFILE_UPDATE = "user.profile_update", _("%(actor)s updated the profile of %(object)s")
    USER_SIGN_UP = "user.sign_up", _("%(actor)s signed up")
    ROLE_REQUEST_CREATE = "role_request.create", _("%(actor)s asked for a role: %(object)s")
    ROLE_REQUEST_APPROVE = "role_request.approve", _("%(actor)s approved the role %(object)s")
    ROLE_REQUEST_DECLINE = "role_request.decline", _("%(actor)s declined the role %(object)s")
    # countries
    COUNTRY_IMPORT = "country.import", _("%(actor)s imported the country %(object)s")
    COUNTRY_MEMBERSHIP_STATUS_SET = (
        "country.membership_status_set",
        _("%(actor)s changed the OGP status of %(object)s"),
    )
    COUNTRY_MEMBERSHIP_HISTORY_RECORD = (
        "country.membership_history_record",
        _("%(actor)s recorded a membership history entry of %(object)s"),
    )
    # organisations
    ORGANISATION_CREATE = "organisation.create", _("%(actor)s added the organisation %(object)s")
    ORGANISATION_UPDATE = "organisation.update", _("%(actor)s edited the organisation %(object)s")
    # eligibility
    CYCLE_OPEN = "cycle.open", _("%(actor)s opened the eligibility cycle %(object)s")
    CYCLE_CONFIGURE = "cycle.configure", _("%(actor)s configured the eligibility cycle %(object)s")
    CYCLE_COMPUTE = "cycle.compute", _("%(actor)s computed the eligibility cycle %(object)s")
    CYCLE_PUBLISH = "cycle.publish", _("%(actor)s published the eligibility cycle %(object)s")
    EVIDENCE_SUBMIT = "evidence.submit", _("%(actor)s submitted evidence: %(object)s")
    EVIDENCE_ACCEPT = "evidence.accept", _("%(actor)s accepted the evidence %(object)s")
    EVIDENCE_REJECT = "evidence.reject", _("%(actor)s rejected the evidence %(object)s")
    RULESET_CREATE = "ruleset.create", _("%(actor)s created the rule set %(object)s")
    RULESET_REFRESH_SHIPPED = (
        "ruleset.refresh_shipped",
        _("%(actor)s refreshed the shipped rule set %(object)s"),
    )
    RESEARCH_RECORD = "research.record", _("%(actor)s recorded research: %(object)s")
    RELEASE_IMPORT = "release.import", _("%(actor)s imported the dataset release %(object)s")
    # membership
    LETTER_CREATE = "letter.create", _("%(actor)s started the letter of intent %(object)s")
    LETTER_UPDATE = "letter.update", _("%(actor)s edited the letter of intent %(object)s")
    LETTER_UPLOAD_SIGNED = (
        "letter.upload_signed",
        _("%(actor)s uploaded the signed letter of intent %(object)s"),
    )
    LETTER_SUBMIT = "letter.submit", _("%(actor)s submitted the letter of intent %(object)s")
    LETTER_RETURN = "letter.return", _("%(actor)s returned the letter of intent %(object)s")
    LETTER_ACCEPT = "letter.accept", _("%(actor)s accepted the letter of intent %(object)s")
    LETTER_REGENERATE = (
        "letter.regenerate",
        _("%(actor)s regenerated the text of the letter of intent %(object)s"),
    )
    ASSESSMENT_REQUEST_CREATE = (
        "assessment_request.create",
        _("%(actor)s asked for an eligibility assessment: %(object)s"),
    )
    ASSESSMENT_REQUEST_DECIDE = (
        "assessment_request.decide",
        _("%(actor)s decided the eligibility assessment %(object)s"),
    )
    EMAIL_RETRY = "email.retry", _("%(actor)s sent the e-mail %(object)s again")
    API_TOKEN_CREATE = "api_token.create", _("%(actor)s created the API token %(object)s")
    API_TOKEN_REVOKE = "api_token.revoke", _("%(actor)s revoked the API token %(object)s")
    COCHAIRS_SET = "cochairs.set", _("%(actor)s recorded the OGP co-chairs %(object)s")
    LEAD_AGENCY_SET = "lead_agency.set", _("%(actor)s recorded the lead agency %(object)s")
    INVITATION_CREATE = "invitation.create", _("%(actor)s sent the invitation %(object)s")
    INVITATION_ACCEPT = "invitation.accept", _("%(actor)s accepted the invitation %(object)s")
    ONBOARDING_CONTACT_ASSIGN = (
        "onboarding.contact_assign",
        _("%(actor)s assigned the Support Unit contact of %(object)s"),
    )
    ONBOARDING_STEP_MARK = "onboarding.step_mark", _("%(actor)s marked a step done: %(object)s")
    ONBOARDING_STEP_UNMARK = (
        "onboarding.step_unmark",
        _("%(actor)s marked a step not done: %(object)s"),
    )
    ONBOARDING_RESTART = "onboarding.restart", _("%(actor)s restarted the onboarding %(object)s")
    INQUIRY_CREATE = "inquiry.create", _("%(actor)s asked a question: %(object)s")
    INQUIRY_REPLY = "inquiry.reply", _("%(actor)s replied to the question %(object)s")
    INQUIRY_STATUS_SET = (
        "inquiry.status_set",
        _("%(actor)s changed the status of the question %(object)s"),
    )
    # participation
    FORUM_CREATE = "forum.create", _("%(actor)s created the forum %(object)s")
    FORUM_UPDATE = "forum.update", _("%(actor)s edited the forum %(object)s")
    FORUM_CADENCE_REMINDER = (
        "forum.cadence_reminder",
        _("%(actor)s reminded the forum %(object)s of the six-month meeting rule"),
    )
    FORUM_REQUEST_CREATE = "forum_request.create", _("%(actor)s asked to join: %(object)s")
    FORUM_REQUEST_APPROVE = "forum_request.approve", _("%(actor)s approved the request %(object)s")
    FORUM_REQUEST_DECLINE = "forum_request.decline", _("%(actor)s declined the request %(object)s")
    FORUM_REQUEST_WITHDRAW = (
        "forum_request.withdraw",
        _("%(actor)s withdrew the request %(object)s"),
    )
    FORUM_MEMBER_ADD = "forum_member.add", _("%(actor)s added the forum member %(object)s")
    FORUM_MEMBER_UPDATE = "forum_member.update", _("%(actor)s edited the forum member %(object)s")
    FORUM_MEMBER_REMOVE = (
        "forum_member.remove",
        _("%(actor)s removed a member from the forum %(object)s"),
    )
    MEETING_CREATE = "meeting.create", _("%(actor)s added the meeting %(object)s")
    MEETING_UPDATE = "meeting.update", _("%(actor)s edited the meeting %(object)s")
    MEETING_DOCUMENT_ADD = "meeting_document.add", _("%(actor)s added the document %(object)s")
    MEETING_DOCUMENT_DELETE = (
        "meeting_document.delete",
        _("%(actor)s deleted a document of the meeting %(object)s"),
    )
    EVENT_CREATE = "event.create", _("%(actor)s added the event %(object)s")
    EVENT_UPDATE = "event.update", _("%(actor)s edited the event %(object)s")
    EVENT_REGISTRATION_CREATE = (
        "event_registration.create",
        _("%(actor)s registered for an event: %(object)s"),
    )
    EVENT_REGISTRATION_PROMOTE = (
        "event_registration.promote",
        _("%(actor)s gave a place from the waiting list: %(object)s"),
    )
    EVENT_REGISTRATION_CANCEL = (
        "event_registration.cancel",
        _("%(actor)s cancelled the registration %(object)s"),
    )
    PERSON_CREATE = "person.create", _("%(actor)s added %(object)s to the directory")
    PERSON_UPDATE = "person.update", _("%(actor)s edited the directory entry %(object)s")
    PERSON_DELETE = "person.delete", _("%(actor)s removed %(object)s from the directory")
    SUBSCRIPTION_REQUEST = (
        "subscription.request",
        _("%(actor)s asked to subscribe: %(object)s"),
    )
    SUBSCRIPTION_CONFIRM = (
        "subscription.confirm",
        _("%(actor)s confirmed the subscription %(object)s"),
    )
    SUBSCRIPTION_UNSUBSCRIBE = (
        "subscription.unsubscribe",
        _("%(actor)s ended the subscription %(object)s"),
    )
    MAILING_LIST_SEND = "mailing_list.send", _("%(actor)s sent the message %(object)s")
    # engagement
    FOLLOW_CREATE = "follow.create", _("%(actor)s started following %(object)s")
    FOLLOW_DELETE = "follow.delete", _("%(actor)s stopped following: %(object)s")
    FOLLOW_STOP_ALL = "follow.stop_all", _("%(actor)s stopped every follow of %(object)s")
    DIGEST_FREQUENCY_SET = (
        "digest.frequency_set",
        _("%(actor)s changed how often %(object)s receives digests"),
    )
    CONTENT_REPORT_CREATE = "content_report.create", _("%(actor)s reported %(object)s")
    CONTENT_HIDE = "content.hide", _("%(actor)s hid %(object)s")
    CONTENT_RESTORE = "content.restore", _("%(actor)s restored %(object)s")
    CONTENT_REPORTS_DISMISS = (
        "content_reports.dismiss",
        _("%(actor)s dismissed the reports about %(object)s"),
    )
    # monitoring (self-assessments, public comment on monitoring reports)
    SELF_ASSESSMENT_CREATE = (
        "self_assessment.create",
        _("%(actor)s started the self-assessment %(object)s"),
    )
    SELF_ASSESSMENT_UPDATE = (
        "self_assessment.update",
        _("%(actor)s edited the self-assessment %(object)s"),
    )
    SELF_ASSESSMENT_OPEN_FOR_COMMENT = (
        "self_assessment.open_for_comment",
        _("%(actor)s opened the self-assessment %(object)s for public comment"),
    )
    SELF_ASSESSMENT_PUBLISH = (
        "self_assessment.publish",
        _("%(actor)s published the final self-assessment %(object)s"),
    )
    SELF_ASSESSMENT_COMMENT_CREATE = (
        "self_assessment_comment.create",
        _("%(actor)s commented on the self-assessment: %(object)s"),
    )
    SELF_ASSESSMENT_COMMENT_ANSWER = (
        "self_assessment_comment.answer",
        _("%(actor)s answered the comment %(object)s on a self-assessment"),
    )
    IRM_COMMENT_CREATE = "irm_comment.create", _("%(actor)s commented on an IRM draft: %(object)s")
    IRM_COMMENT_ANSWER = (
        "irm_comment.answer",
        _("%(actor)s answered the comment %(object)s on an IRM draft"),
    )
    # plans (implementation tracking and IRM)
    CONTRARY_FINDING_PROPOSE = (
        "contrary_finding.propose",
        _("%(actor)s found that %(object)s may be acting contrary to the OGP process"),
    )
    CONTRARY_FINDING_CONFIRM = (
        "contrary_finding.confirm",
        _("%(actor)s confirmed the contrary-to-process finding %(object)s"),
    )
    CONTRARY_FINDING_DISMISS = (
        "contrary_finding.dismiss",
        _("%(actor)s dismissed the contrary-to-process finding %(object)s"),
    )
    MILESTONE_CREATE = "milestone.create", _("%(actor)s added the milestone %(object)s")
    PROGRESS_UPDATE_CREATE = (
        "progress_update.create",
        _("%(actor)s posted a progress update on %(object)s"),
    )
    PROGRESS_REVIEW_CONFIRM = (
        "progress_review.confirm",
        _("%(actor)s confirmed a progress update on %(object)s"),
    )
    PROGRESS_REVIEW_DISPUTE = (
        "progress_review.dispute",
        _("%(actor)s disputed a progress update on %(object)s"),
    )
    COMMITMENT_TEMPLATE_UPDATE = (
        "commitment.template_update",
        _("%(actor)s edited the commitment template of %(object)s"),
    )
    COMMITMENT_INSTITUTION_ADD = (
        "commitment.institution_add",
        _("%(actor)s added an institution to the commitment %(object)s"),
    )
    COMMITMENT_SHEET_UPDATE = (
        "commitment.sheet_update",
        _("%(actor)s updated the commitment %(object)s from a spreadsheet"),
    )
    COMMITMENT_IRM_CODING_PUBLISH = (
        "commitment.irm_coding_publish",
        _("%(actor)s published the IRM coding of the commitment %(object)s"),
    )
    ACTION_PLAN_DATES_SET = (
        "action_plan.dates_set",
        _("%(actor)s set the dates of the action plan %(object)s"),
    )
    ACTION_PLAN_SHEET_UPDATE = (
        "action_plan.sheet_update",
        _("%(actor)s updated the action plan %(object)s from a spreadsheet"),
    )
    SHEET_IMPORT = "sheet.import", _("%(actor)s imported the spreadsheet %(object)s")
    SCALE_CREATE = "scale.create", _("%(actor)s added the coding scale %(object)s")
    SCALE_UPDATE = "scale.update", _("%(actor)s updated the coding scale %(object)s")
    IRM_REPORT_CREATE = "irm_report.create", _("%(actor)s started the IRM report %(object)s")
    IRM_REPORT_UPDATE = "irm_report.update", _("%(actor)s edited the IRM report %(object)s")
    IRM_REPORT_PUBLISH = "irm_report.publish", _("%(actor)s published the IRM report %(object)s")
    IRM_CODING_SAVE = "irm_coding.save", _("%(actor)s coded the commitment %(object)s")
    # co-creation
    COCREATION_PLAN_CREATE = (
        "cocreation_plan.create",
        _("%(actor)s started the co-creation of %(object)s"),
    )
    COCREATION_PLAN_UPDATE = (
        "cocreation_plan.update",
        _("%(actor)s edited the co-creation plan %(object)s"),
    )
    COCREATION_PLAN_OPEN = (
        "cocreation_plan.open",
        _("%(actor)s opened the co-creation of %(object)s"),
    )
    COCREATION_PLAN_SUBMIT = (
        "cocreation_plan.submit",
        _("%(actor)s submitted the action plan %(object)s"),
    )
    COCREATION_PLAN_RETURN = (
        "cocreation_plan.return",
        _("%(actor)s returned the action plan %(object)s"),
    )
    COCREATION_PLAN_WITHDRAW = (
        "cocreation_plan.withdraw",
        _("%(actor)s withdrew the action plan %(object)s"),
    )
    COCREATION_PLAN_PUBLISH = (
        "cocreation_plan.publish",
        _("%(actor)s published the action plan %(object)s"),
    )
    PUBLISHED_PLAN_CREATE = (
        "published_plan.create",
        _("%(actor)s recorded the published action plan and commitments of %(object)s"),
    )
    STEP_SAVE = "step.save", _("%(actor)s saved a timeline step of %(object)s")
    STEP_DELETE = "step.delete", _("%(actor)s deleted a timeline step of %(object)s")
    OPPORTUNITY_SAVE = (
        "opportunity.save",
        _("%(actor)s saved a participation opportunity of %(object)s"),
    )
    DOCUMENT_ADD = "document.add", _("%(actor)s added a document to %(object)s")
    STANDARDS_ASSESSMENT_SET = (
        "standards_assessment.set",
        _("%(actor)s assessed the participation standards of %(object)s"),
    )
    DRAFT_PUBLISH = "draft.publish", _("%(actor)s published a draft of %(object)s")
    PROPOSAL_CREATE = "proposal.create", _("%(actor)s made the proposal %(object)s")
    PROPOSAL_CREATE_ANONYMOUS = (
        "proposal.create_anonymous",
        _("%(actor)s received the proposal %(object)s from a visitor without an account"),
    )
    PROPOSAL_CONFIRM = "proposal.confirm", _("%(actor)s recorded the confirmed proposal %(object)s")
    PROPOSAL_SUPPORT = "proposal.support", _("%(actor)s supported the proposal %(object)s")
    PROPOSAL_UNSUPPORT = (
        "proposal.unsupport",
        _("%(actor)s withdrew their support for the proposal %(object)s"),
    )
    PROPOSAL_COMMENT_CREATE = (
        "proposal_comment.create",
        _("%(actor)s commented on a proposal: %(object)s"),
    )
    COMMENT_CREATE = "comment.create", _("%(actor)s commented on a draft: %(object)s")
    OFFLINE_INPUT_CREATE = (
        "offline_input.create",
        _("%(actor)s recorded input received outside the platform for %(object)s"),
    )
    LEDGER_RESPOND = "ledger.respond", _("%(actor)s answered the input %(object)s")
    SHADOW_CREATE = "shadow.create", _("%(actor)s started the shadow plan %(object)s")
    SHADOW_EDITOR_ADD = (
        "shadow.editor_add",
        _("%(actor)s added an editor to the shadow plan %(object)s"),
    )
    SHADOW_PUBLISH = "shadow.publish", _("%(actor)s published the shadow plan %(object)s")


# Names recorded before the enumeration -> their AuditAction value (data migration 0002).
LEGACY_ACTIONS: dict[str, str] = {
    "eligibility.cycle.open": AuditAction.CYCLE_OPEN,
    "eligibility.cycle.configure": AuditAction.CYCLE_CONFIGURE,
    "eligibility.cycle.compute": AuditAction.CYCLE_COMPUTE,
    "eligibility.cycle.publish": AuditAction.CYCLE_PUBLISH,
    "eligibility.evidence.submit": AuditAction.EVIDENCE_SUBMIT,
    "eligibility.evidence.accept": AuditAction.EVIDENCE_ACCEPT,
    "eligibility.evidence.reject": AuditAction.EVIDENCE_REJECT,
    "eligibility.ruleset.create": AuditAction.RULESET_CREATE,
    "eligibility.research.record": AuditAction.RESEARCH_RECORD,
    "eligibility.release.import": AuditAction.RELEASE_IMPORT,
    "membership.lead_agency_set": AuditAction.LEAD_AGENCY_SET,
    "membership.invitation_create": AuditAction.INVITATION_CREATE,
    "membership.invitation_accept": AuditAction.INVITATION_ACCEPT,
    "membership.contact_assign": AuditAction.ONBOARDING_CONTACT_ASSIGN,
    "membership.onboarding_step": AuditAction.ONBOARDING_STEP_MARK,
    "membership.onboarding_step_unmark": AuditAction.ONBOARDING_STEP_UNMARK,
    "membership.onboarding_restart": AuditAction.ONBOARDING_RESTART,
    "membership.inquiry_create": AuditAction.INQUIRY_CREATE,
    "membership.inquiry_reply": AuditAction.INQUIRY_REPLY,
    "membership.inquiry_status": AuditAction.INQUIRY_STATUS_SET,
    "membership.cochairs_set": AuditAction.COCHAIRS_SET,
    "role_request.approved": AuditAction.ROLE_REQUEST_APPROVE,
    "role_request.declined": AuditAction.ROLE_REQUEST_DECLINE,
    "forum.request_create": AuditAction.FORUM_REQUEST_CREATE,
    "forum.request_approve": AuditAction.FORUM_REQUEST_APPROVE,
    "forum.request_decline": AuditAction.FORUM_REQUEST_DECLINE,
    "forum.request_withdraw": AuditAction.FORUM_REQUEST_WITHDRAW,
    "forum.member_add": AuditAction.FORUM_MEMBER_ADD,
    "forum.member_update": AuditAction.FORUM_MEMBER_UPDATE,
    "forum.member_remove": AuditAction.FORUM_MEMBER_REMOVE,
    "forum.meeting_create": AuditAction.MEETING_CREATE,
    "forum.meeting_update": AuditAction.MEETING_UPDATE,
    "forum.document_add": AuditAction.MEETING_DOCUMENT_ADD,
    "forum.document_delete": AuditAction.MEETING_DOCUMENT_DELETE,
    "event.register": AuditAction.EVENT_REGISTRATION_CREATE,
    "event.promote": AuditAction.EVENT_REGISTRATION_PROMOTE,
    "event.cancel_registration": AuditAction.EVENT_REGISTRATION_CANCEL,
    "directory.create": AuditAction.PERSON_CREATE,
    "directory.update": AuditAction.PERSON_UPDATE,
    "directory.delete": AuditAction.PERSON_DELETE,
    "digest.frequency": AuditAction.DIGEST_FREQUENCY_SET,
    "moderation.report": AuditAction.CONTENT_REPORT_CREATE,
    "moderation.hide": AuditAction.CONTENT_HIDE,
    "moderation.restore": AuditAction.CONTENT_RESTORE,
    "moderation.dismiss": AuditAction.CONTENT_REPORTS_DISMISS,
}


# Names plans and co-creation recorded under their own prefix before they joined the
# enumeration -> their AuditAction value (data migration 0004).
PREFIXED_ACTIONS: dict[str, str] = {
    "plans.contrary.propose": AuditAction.CONTRARY_FINDING_PROPOSE,
    "plans.contrary.confirm": AuditAction.CONTRARY_FINDING_CONFIRM,
    "plans.contrary.dismiss": AuditAction.CONTRARY_FINDING_DISMISS,
    "plans.milestone.create": AuditAction.MILESTONE_CREATE,
    "plans.progress.update": AuditAction.PROGRESS_UPDATE_CREATE,
    "plans.progress.confirm": AuditAction.PROGRESS_REVIEW_CONFIRM,
    "plans.progress.dispute": AuditAction.PROGRESS_REVIEW_DISPUTE,
    "plans.commitment.template_update": AuditAction.COMMITMENT_TEMPLATE_UPDATE,
    "plans.commitment.institution_add": AuditAction.COMMITMENT_INSTITUTION_ADD,
    "plans.commitment.update_from_sheet": AuditAction.COMMITMENT_SHEET_UPDATE,
    "plans.commitment.irm_coding_published": AuditAction.COMMITMENT_IRM_CODING_PUBLISH,
    "plans.plan.dates": AuditAction.ACTION_PLAN_DATES_SET,
    "plans.plan.update_from_sheet": AuditAction.ACTION_PLAN_SHEET_UPDATE,
    "plans.sheet.import": AuditAction.SHEET_IMPORT,
    "plans.scale.create": AuditAction.SCALE_CREATE,
    "plans.scale.update": AuditAction.SCALE_UPDATE,
    "plans.irm_report.create": AuditAction.IRM_REPORT_CREATE,
    "plans.irm_report.update": AuditAction.IRM_REPORT_UPDATE,
    "plans.irm_report.publish": AuditAction.IRM_REPORT_PUBLISH,
    "plans.irm_coding.save": AuditAction.IRM_CODING_SAVE,
    "cocreation.plan_create": AuditAction.COCREATION_PLAN_CREATE,
    "cocreation.plan_update": AuditAction.COCREATION_PLAN_UPDATE,
    "cocreation.plan_open": AuditAction.COCREATION_PLAN_OPEN,
    "cocreation.plan_submit": AuditAction.COCREATION_PLAN_SUBMIT,
    "cocreation.plan_return": AuditAction.COCREATION_PLAN_RETURN,
    "cocreation.plan_withdraw": AuditAction.COCREATION_PLAN_WITHDRAW,
    "cocreation.plan_publish": AuditAction.COCREATION_PLAN_PUBLISH,
    "cocreation.plan_published_records": AuditAction.PUBLISHED_PLAN_CREATE,
    "cocreation.step_save": AuditAction.STEP_SAVE,
    "cocreation.step_delete": AuditAction.STEP_DELETE,
    "cocreation.opportunity_save": AuditAction.OPPORTUNITY_SAVE,
    "cocreation.document_add": AuditAction.DOCUMENT_ADD,
    "cocreation.assessment_set": AuditAction.STANDARDS_ASSESSMENT_SET,
    "cocreation.draft_publish": AuditAction.DRAFT_PUBLISH,
    "cocreation.proposal_create": AuditAction.PROPOSAL_CREATE,
    "cocreation.proposal_create_anonymous": AuditAction.PROPOSAL_CREATE_ANONYMOUS,
    "cocreation.proposal_confirm": AuditAction.PROPOSAL_CONFIRM,
    "cocreation.proposal_support": AuditAction.PROPOSAL_SUPPORT,
    "cocreation.proposal_unsupport": AuditAction.PROPOSAL_UNSUPPORT,
    "cocreation.proposal_comment": AuditAction.PROPOSAL_COMMENT_CREATE,
    "cocreation.comment_create": AuditAction.COMMENT_CREATE,
    "cocreation.offline_input": AuditAction.OFFLINE_INPUT_CREATE,
    "cocreation.ledger_respond": AuditAction.LEDGER_RESPOND,
    "cocreation.shadow_create": AuditAction.SHADOW_CREATE,
    "cocreation.shadow_editor_add": AuditAction.SHADOW_EDITOR_ADD,
    "cocreation.shadow_publish": AuditAction.SHADOW_PUBLISH,
}
