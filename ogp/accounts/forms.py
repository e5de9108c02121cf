from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import LINE_MAX_LENGTH, TEXT_MAX_LENGTH, limit_free_text
from ogp.core.time_zones import time_zone_choices
from ogp.countries.models import Country
from ogp.organisations.models import Organisation

from .models import Role, RoleRequest, User


class SignupForm(forms.Form):
    """Extra fields on django-allauth's sign-up form."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language for e-mails"), choices=settings.LANGUAGES
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # By default, e-mails come in the language of the page the person signs up on.
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        if language in dict(settings.LANGUAGES):
            self.fields["preferred_language"].initial = language

    def signup(self, request, user: User) -> None:  # type: ignore[no-untyped-def]
        user.full_name = self.cleaned_data["full_name"]
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["full_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title", "preferred_language", "time_zone"]

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(
            label=_("Your time zone"),
            required=False,
            choices=[("", _("UTC (not set)")), *time_zone_choices()],
            help_text=_("Event times are also shown in it."),
        )


REQUESTABLE_ROLES = [
    (Role.GOVERNMENT, Role.GOVERNMENT.label),
    (Role.CIVIL_SOCIETY, Role.CIVIL_SOCIETY.label),
    (Role.RESEARCHER, Role.RESEARCHER.label),
]


class RoleRequestForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("Role"), choices=REQUESTABLE_ROLES)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.filter(un_member=True),
        required=False,
        help_text=_("Required for a government point of contact."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Required for a civil society member."),
    )

    class Meta:
        model = RoleRequest
        fields = ["role", "country", "organisation", "justification"]

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        limit_free_text(self)

    def clean(self) -> dict:  # type: ignore[type-arg]
        data = super().clean() or {}
        if data.get("role") == Role.GOVERNMENT and not data.get("country"):
            self.add_error("country", _("Choose the country whose government you work for."))
        if data.get("role") == Role.CIVIL_SOCIETY and not data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation you belong to."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when declining; shown to the person who asked."),
        max_length=TEXT_MAX_LENGTH,
    )

    def clean(self) -> dict:  # type: ignore[type-arg]
        data = super().clean() or {}
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for declining."))
        return data


class UserRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=TEXT_MAX_LENGTH
    )


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("E-mail or name"), required=False, max_length=LINE_MAX_LENGTH)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices]
    )
