"""Every action the audit trail records, one naming style: `<entity>.<verb>` (snake case, the
entity as in the service's name: `letter_submit` records `letter.submit`).

The label of each action is the sentence the trail shows, in the reader's language:
`%(actor)s` is who acted, `%(object)s` what they acted on.
`LEGACY_ACTIONS` maps the names recorded before this enumeration (migration 0002).
"""

import re

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


# Apps above this one (plans, co-creation) name their actions "<app label>.<entity>_<verb>" and
# declare that prefix in their AppConfig.ready; the trail shows such names with a plain sentence
# until they join the enumeration above.
ACTION_STYLE = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$")
_NAMESPACES: set[str] = set()


def register_namespace(prefix: str) -> None:
    _NAMESPACES.add(prefix)


def resolve_action(name: str) -> str:
    """The enumeration member for `name`, or `name` itself when an app above declared its
    prefix; anything else is refused (ValueError) before it reaches the trail."""
    try:
        return AuditAction(name)
    except ValueError:
        if name.split(".", 1)[0] in _NAMESPACES and ACTION_STYLE.match(name):
            return name
        raise
