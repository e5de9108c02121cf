"""The government joining journey: letters of intent, lead agency, onboarding, inquiries."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ogp.core.uploads import private_storage

from .domain.inquiry import InquiryStatus
from .domain.letter import EDITABLE_STATES, LetterState
from .domain.onboarding import ChecklistItem


class CoChairs(models.Model):
    """The current OGP co-chairs, to whom letters of intent are addressed (staff maintain it).

    Each change adds a row; the latest effective row is current, so the history stays.
    """

    government_co_chair = models.CharField(
        _("government co-chair"),
        max_length=255,
        help_text=_("Name, title and government, as it should appear on letters."),
    )
    civil_society_co_chair = models.CharField(
        _("civil society co-chair"),
        max_length=255,
        help_text=_("Name, title and organisation, as it should appear on letters."),
    )
    effective_from = models.DateField(_("co-chairs since"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-effective_from", "-id"]
        verbose_name = _("OGP co-chairs")
        verbose_name_plural = _("OGP co-chairs")

    def __str__(self) -> str:
        return f"{self.government_co_chair}; {self.civil_society_co_chair}"

    @property
    def addressees(self) -> str:
        return f"{self.government_co_chair}\n{self.civil_society_co_chair}"


def signed_letter_path(instance: "LetterOfIntent", filename: str) -> str:
    return f"membership/letters/{instance.country.iso3}/{uuid.uuid4().hex}.pdf"


def published_letter_path(instance: "LetterOfIntent", filename: str) -> str:
    return f"membership/published/{instance.country.iso3}/{uuid.uuid4().hex}.pdf"


# A page of text is about 3,000 characters; reforms fit in two pages, and a longer text would
# only make the letter's PDF slow to render.
PAST_REFORMS_MAX_LENGTH = 6000


class LetterOfIntent(models.Model):
    class State(models.TextChoices):
        DRAFT = LetterState.DRAFT.value, pgettext_lazy("letter of intent", "Draft")
        SUBMITTED = (
            LetterState.SUBMITTED.value,
            pgettext_lazy("letter of intent", "Submitted, awaiting review"),
        )
        RETURNED = (
            LetterState.RETURNED.value,
            pgettext_lazy("letter of intent", "Returned for changes"),
        )
        ACCEPTED = (
            LetterState.ACCEPTED.value,
            pgettext_lazy("letter of intent", "Accepted and published"),
        )

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="letters_of_intent",
        verbose_name=_("country"),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    language = models.CharField(
        _("language of the letter"), max_length=5, choices=settings.LANGUAGES
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # The elements the founding text requires.
    eligibility_confirmed = models.BooleanField(
        _("We confirm that our country is eligible to join OGP"), default=False
    )
    eligibility_basis = models.CharField(
        _("basis of the eligibility confirmation"), max_length=255, blank=True
    )
    endorses_declaration = models.BooleanField(
        _("We endorse the Open Government Declaration"), default=False
    )
    past_reforms = models.TextField(
        _("past open government reforms"), max_length=PAST_REFORMS_MAX_LENGTH, blank=True
    )
    responsible_name = models.CharField(
        _("name of the person responsible for OGP"), max_length=150, blank=True
    )
    responsible_title = models.CharField(_("their title"), max_length=150, blank=True)
    responsible_ministry = models.CharField(
        _("their ministry or agency"), max_length=255, blank=True
    )
    responsible_email = models.EmailField(_("their e-mail address"), blank=True)
    signatory_name = models.CharField(_("name of the signatory"), max_length=150, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=150, blank=True)
    signatory_agency = models.CharField(
        _("signatory's ministry or agency"), max_length=255, blank=True
    )
    signatory_is_ministerial = models.BooleanField(
        _("The signatory is a ministerial-level official"), default=False
    )
    head_of_government_authorisation = models.BooleanField(
        _("The head of state or government has authorised this agency to join OGP"),
        default=False,
    )
    authorised_by = models.CharField(
        _("authorised by"),
        max_length=255,
        blank=True,
        help_text=_("Who gave the authorisation, e.g. “the President of the Republic”."),
    )
    addressees = models.TextField(_("addressed to"), blank=True)

    # The signed letter and the review.
    signed_pdf = models.FileField(
        _("signed letter (PDF)"), storage=private_storage, upload_to=signed_letter_path, blank=True
    )
    signed_pdf_name = models.CharField(max_length=255, blank=True)
    signed_pdf_uploaded_at = models.DateTimeField(null=True, blank=True)
    # Set when the platform re-addressed or re-worded the letter after a signed copy was
    # uploaded: the copy no longer matched and was removed; the page and an e-mail say so.
    signed_copy_removed_at = models.DateTimeField(null=True, blank=True)
    signed_copy_removed_name = models.CharField(max_length=255, blank=True)
    signed_copy_removed_because = models.CharField(max_length=20, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField(
        _("first received"),
        null=True,
        blank=True,
        help_text=_("Date of the first submission; the first action plan is due from it."),
    )
    return_reason = models.TextField(_("reasons for returning"), max_length=4000, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    # The published letter's PDF, rendered once on acceptance (never on a public request).
    published_pdf = models.FileField(
        storage=private_storage, upload_to=published_letter_path, blank=True
    )
    # Raised by every edit; the edit form carries the version it was opened at (lost updates).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("letter of intent")
        verbose_name_plural = _("letters of intent")

    def __str__(self) -> str:
        return f"{self.reference} ({self.country.name_en})"

    @property
    def reference(self) -> str:
        return f"LOI-{self.country.iso3}-{self.pk or 0:04d}"

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_published(self) -> bool:
        return self.state == LetterState.ACCEPTED


class LetterEvent(models.Model):
    """The review history of a letter, shown to the government and to staff."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("letter of intent", "Submitted")
        RETURNED = "returned", pgettext_lazy("letter of intent", "Returned for changes")
        ACCEPTED = "accepted", pgettext_lazy("letter of intent", "Accepted")

    letter = models.ForeignKey(LetterOfIntent, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("letter event")
        verbose_name_plural = _("letter events")

    def __str__(self) -> str:
        return f"{self.letter.reference} {self.action}"


class LeadAgency(models.Model):
    """The ministry or agency that leads OGP in government, and its point of contact."""

    country = models.OneToOneField(
        "countries.Country", on_delete=models.CASCADE, related_name="lead_agency"
    )
    name = models.CharField(_("lead ministry or agency"), max_length=255)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("point of contact: name"), max_length=150)
    contact_title = models.CharField(
        _("point of contact: title"),
        max_length=150,
        help_text=_(
            "The Support Unit recommends a senior official whose role coordinates across "
            "government."
        ),
    )
    contact_email = models.EmailField(_("point of contact: e-mail"))
    contact_phone = models.CharField(_("point of contact: telephone"), max_length=50, blank=True)
    show_contact_email = models.BooleanField(
        _("Show the point of contact's e-mail address on the public page"), default=False
    )
    point_of_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("platform account of the point of contact"),
        help_text=_("This person can invite colleagues of the same government."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lead ministry or agency")
        verbose_name_plural = _("lead ministries or agencies")

    def __str__(self) -> str:
        return self.name


class Onboarding(models.Model):
    """Support Unit onboarding of a country: its country contact and the checklist."""

    country = models.OneToOneField(
        "countries.Country", on_delete=models.CASCADE, related_name="onboarding"
    )
    support_unit_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Support Unit country contact"),
    )
    introduced_at = models.DateTimeField(_("introduction sent"), null=True, blank=True)
    letter_received_on = models.DateField(_("letter of intent received"), null=True, blank=True)
    first_plan_due = models.DateField(_("first action plan due"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("onboarding")
        verbose_name_plural = _("onboardings")

    def __str__(self) -> str:
        return f"{self.country.name_en}"


class OnboardingStep(models.Model):
    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="steps")
    item = models.CharField(
        _("step"),
        max_length=30,
        choices=[
            (ChecklistItem.FIRST_CALL_HELD.value, _("First call held")),
            (ChecklistItem.EXPERT_RESOURCES_SHARED.value, _("Expert resources shared")),
            (ChecklistItem.FORUM_PLANNED.value, _("Multi-stakeholder forum planned")),
            (ChecklistItem.CO_CREATION_STARTED.value, _("Co-creation of the action plan started")),
        ],
    )
    done_on = models.DateField(_("done on"))
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["done_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["onboarding", "item"], name="membership_step_once")
        ]
        verbose_name = _("onboarding step")
        verbose_name_plural = _("onboarding steps")

    def __str__(self) -> str:
        return f"{self.onboarding} {self.item}"


class Invitation(models.Model):
    """A point of contact invites a colleague of the same government to the platform."""

    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="membership_invitations"
    )
    email = models.EmailField(_("colleague's e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.country.name_en}"


class Inquiry(models.Model):
    """A question from a government to the Support Unit (replaces e-mail to info@)."""

    class Status(models.TextChoices):
        OPEN = InquiryStatus.OPEN.value, pgettext_lazy("question", "Open")
        ANSWERED = InquiryStatus.ANSWERED.value, pgettext_lazy("question", "Answered")
        CLOSED = InquiryStatus.CLOSED.value, pgettext_lazy("question", "Closed")

    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="membership_inquiries"
    )
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("question to the Support Unit")
        verbose_name_plural = _("questions to the Support Unit")

    def __str__(self) -> str:
        return self.subject


class InquiryMessage(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_support_unit = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.inquiry} #{self.pk}"


class AssessmentRequest(models.Model):
    """A government asks to be assessed through the additional-information route.

    Used when its country has no eligibility finding ("not enough data" in the latest cycle, or
    "not assessed"): it sends its evidence, the Support Unit has it assessed and records the
    result, which sets the country's status.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("assessment request", "Waiting for assessment")
        ELIGIBLE = "eligible", _("Assessed eligible")
        NOT_ELIGIBLE = "not_eligible", _("Assessed not eligible")

    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="assessment_requests"
    )
    evidence = models.TextField(
        _("evidence"),
        help_text=_(
            "Describe the information that shows the country meets the criteria without data: "
            "laws, published budgets, asset declarations, with dates."
        ),
    )
    source_url = models.URLField(_("address of the evidence"), blank=True, max_length=500)
    document = models.FileField(
        _("evidence document (PDF)"),
        storage=private_storage,
        upload_to="assessment-requests/%Y/",
        blank=True,
        max_length=255,
    )
    document_name = models.CharField(max_length=255, blank=True)
    state = models.CharField(
        _("state"), max_length=15, choices=State.choices, default=State.SUBMITTED, db_index=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField(_("assessed on"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("request for assessment")
        verbose_name_plural = _("requests for assessment")

    def __str__(self) -> str:
        return f"{self.country.name_en} #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.SUBMITTED
