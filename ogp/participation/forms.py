"""Forms: parse input only; services do the work."""

from typing import cast
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import LINE_MAX_LENGTH, TEXT_MAX_LENGTH, HoneypotFormMixin
from ogp.core.time_zones import time_zone_choices
from ogp.countries.models import Country
from ogp.organisations.fields import CheckboxLabelMixin, CountryChoiceField, WebAddressField
from ogp.organisations.models import FocusArea, Organisation

from .models import Event, EventKind, ForumMembership, MailingList, Person
from .models.forums import SideChoices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


# --- mailing lists ------------------------------------------------------------------------


class MailingListChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: MailingList) -> str:  # type: ignore[override]
        return str(obj.name)


class SubscribeForm(CheckboxLabelMixin, HoneypotFormMixin, forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"))
    lists = MailingListChoiceField(
        label=_("Lists"),
        queryset=MailingList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    country = CountryChoiceField(
        label=_("Also receive news about a country"),
        queryset=Country.objects.all(),
        required=False,
        to_field_name="iso3",
        empty_label=_("No country list"),
    )
    language = forms.ChoiceField(label=_("Language of the messages"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree to receive e-mail from the OGP platform on these lists. My address is used "
            "only for these lists, and I can unsubscribe at any time from a link in every message."
        ),
        error_messages={"required": _("Your agreement is needed to subscribe.")},
    )

    def __init__(self, *args, lists=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["lists"])
        field.queryset = lists if lists is not None else MailingList.objects.none()

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if not data.get("lists") and not data.get("country") and "lists" not in self.errors:
            self.add_error("lists", _("Choose at least one list."))
        return data


class ListMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea, max_length=TEXT_MAX_LENGTH)


# --- forums -------------------------------------------------------------------------------


class ForumForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea, required=False, max_length=TEXT_MAX_LENGTH
    )
    rules_of_participation = forms.CharField(
        label=_("Rules of participation"),
        widget=forms.Textarea,
        help_text=_(
            "Public basic rules: who can join, how members are selected, how decisions are made."
        ),
        max_length=TEXT_MAX_LENGTH,
    )
    established_on = forms.DateField(label=_("Established on"), widget=DateInput())
    website = WebAddressField(label=_("Website"), required=False)


class ForumCreateForm(ForumForm):
    country = CountryChoiceField(label=_("Country"), queryset=Country.objects.all())

    field_order = ["country"]

    def __init__(self, *args, user=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if user is not None and not user.is_support_unit:
            # A government user registers a forum of their own country only: no choice to make.
            field = cast(forms.ModelChoiceField, self.fields["country"])
            field.queryset = Country.objects.filter(pk=user.country_id)
            field.empty_label = None
            field.initial = user.country_id


class MembershipRequestForm(forms.Form):
    side = forms.ChoiceField(
        label=_("You would join the forum as"),
        choices=SideChoices.choices,
        widget=forms.RadioSelect,
    )
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        widget=forms.Textarea,
        help_text=_("The coordinators read this; say what you or your organisation would bring."),
        max_length=TEXT_MAX_LENGTH,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (required to decline; the person will see it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=TEXT_MAX_LENGTH,
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason for declining; the person will see it."))
        return data


class MemberAddForm(forms.Form):
    display_name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_hidden=False),
        required=False,
    )
    side = forms.ChoiceField(label=_("Side"), choices=SideChoices.choices)


class MemberUpdateForm(forms.Form):
    side = forms.ChoiceField(label=_("Side"), choices=SideChoices.choices)
    role = forms.ChoiceField(label=_("Role"), choices=ForumMembership.Role.choices)


def _member_label(membership: ForumMembership) -> str:
    """The member's name and organisation (the forum is the page's subject)."""
    if membership.organisation_id:
        return f"{membership.display_name} — {membership.organisation.name}"  # type: ignore[union-attr]
    return membership.display_name


class MeetingForm(CheckboxLabelMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    location = forms.CharField(label=_("Place or online link"), max_length=300, required=False)
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea, required=False, max_length=TEXT_MAX_LENGTH
    )
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Publish the minutes once the meeting has taken place."),
        max_length=TEXT_MAX_LENGTH,
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Members present"),
        queryset=ForumMembership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_attendees = forms.CharField(
        label=_("Other attendees"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One name per line (observers, guests)."),
        max_length=TEXT_MAX_LENGTH,
    )
    is_cancelled = forms.BooleanField(label=_("This meeting is cancelled"), required=False)

    def __init__(self, *args, forum=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if forum is not None:
            field = cast(forms.ModelMultipleChoiceField, self.fields["attendees"])
            field.queryset = forum.memberships.select_related("organisation")
            field.label_from_instance = _member_label  # type: ignore[method-assign,assignment]


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("PDF file"))


# --- events -------------------------------------------------------------------------------


class EventForm(CheckboxLabelMixin, forms.ModelForm):
    online_url = WebAddressField(label=_("Online link"), required=False)
    # the version the form was opened at: a save from a stale form is refused (lost updates)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = Event
        fields = [
            "kind", "title", "description", "time_zone", "starts_at", "ends_at", "location",
            "online_url", "country", "capacity", "registration_open",
        ]  # fmt: skip
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        field_classes = {"country": CountryChoiceField}

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(
            label=_("Time zone of the event"),
            choices=time_zone_choices(),
            initial="UTC",
            required=False,  # empty: UTC
            help_text=_("Start and end are entered in this time zone."),
        )
        self.order_fields(self.Meta.fields)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        # Show stored times in the event's own zone, as they were entered.
        if self.instance.pk and not self.is_bound:
            zone = ZoneInfo(self.instance.time_zone or "UTC")
            for name in ("starts_at", "ends_at"):
                value = getattr(self.instance, name)
                if value:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        data["time_zone"] = data.get("time_zone") or "UTC"
        zone = ZoneInfo(data["time_zone"])
        for name in ("starts_at", "ends_at"):
            value = data.get(name)
            if value is not None:
                # The browser sent a local time without zone: it is the event's local time.
                data[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        return data


class RegistrationForm(HoneypotFormMixin, forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Sign language, step-free access, captions, dietary needs... Only organisers see this."
        ),
        max_length=TEXT_MAX_LENGTH,
    )


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All types")), *EventKind.choices], required=False
    )
    when = forms.ChoiceField(
        label=_("When"),
        choices=[("", _("Upcoming")), ("past", _("Past"))],
        required=False,
    )


# --- directory ----------------------------------------------------------------------------


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=LINE_MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    country = CountryChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False, to_field_name="iso3",
        empty_label=_("All countries"),
    )  # fmt: skip
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=FocusArea.objects.all(), required=False,
        to_field_name="code", empty_label=_("All focus areas"),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from ogp.organisations.models import OrganisationKind

        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["kind"])
        field.choices = [("", _("All types")), *OrganisationKind.choices]


class PersonForm(CheckboxLabelMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_hidden=False),
        required=False,
    )
    country = CountryChoiceField(label=_("Country"), queryset=Country.objects.all(), required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    bio = forms.CharField(
        label=_("About you"), widget=forms.Textarea, required=False, max_length=TEXT_MAX_LENGTH
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"), queryset=FocusArea.objects.all(),
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    public_fields = forms.MultipleChoiceField(
        label=_("Show publicly"),
        choices=[
            ("job_title", _("Job title")),
            ("email", _("E-mail")),
            ("phone", _("Phone")),
            ("bio", _("About you")),
            ("focus_areas", _("Focus areas")),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Your name, organisation and country are always public. "
            "Other fields stay private unless you tick them."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the OGP platform lists me in the stakeholder directory. My name, "
            "organisation and country are public; the other fields are public only if I tick them. "
            "I can change this, download my data or delete my entry at any time."
        ),
        error_messages={"required": _("You need to agree to be listed in the directory.")},
    )


PERSON_PUBLIC_CHOICES = Person.OPTIONAL_PUBLIC_FIELDS
