"""Shadow action plans: create, page, co-editors, turning commitments into proposals."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ogp.accounts.models import User
from ogp.core.errors import ServiceError
from ogp.countries.models import Country
from ogp.organisations.fields import CountryChoiceField

from ..forms import EditorForm, ShadowPlanForm, ShadowProposeForm
from ..models import CoCreationPlan
from ..selectors import shadow_get, versions_of
from ..services import shadow as services
from .common import add_service_error, check, current_user


class ShadowCreateForm(ShadowPlanForm):
    country = CountryChoiceField(label=gettext_lazy("Country"), queryset=Country.objects.all())


@require_http_methods(["GET", "POST"])
def shadow_create(request: HttpRequest) -> HttpResponse:
    if denied := check(request, "cocreation.add_shadow_plan"):
        return denied
    form = ShadowCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            shadow = services.shadow_create(acting_user=current_user(request), **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "The shadow plan is created; only its co-editors see it until you "
                    "publish a version."
                ),
            )
            return redirect(shadow)
    return render(request, "cocreation/shadow_form.html", {"form": form})


def _open_plans(shadow):  # type: ignore[no-untyped-def]
    return CoCreationPlan.objects.filter(
        country=shadow.country, state="co_creation", proposals_open=True
    )


def shadow_detail(request: HttpRequest, slug: str) -> HttpResponse:
    shadow = shadow_get(slug)
    if not request.user.has_perm("cocreation.view_shadow_plan", shadow):
        raise Http404
    can_edit = request.user.has_perm("cocreation.edit_shadow_plan", shadow)
    open_plans = _open_plans(shadow) if can_edit else CoCreationPlan.objects.none()
    return render(
        request,
        "cocreation/shadow_detail.html",
        {
            "shadow": shadow,
            "versions": versions_of(shadow),
            "can_edit": can_edit,
            "organisations": shadow.organisations.all(),
            "editors": shadow.editors.all() if can_edit else [],
            "editor_form": EditorForm(),
            "propose_form": ShadowProposeForm(plans=open_plans) if open_plans else None,
        },
    )


@require_POST
def editor_add(request: HttpRequest, slug: str) -> HttpResponse:
    shadow = shadow_get(slug)
    if denied := check(request, "cocreation.edit_shadow_plan", shadow):
        return denied
    form = EditorForm(request.POST)
    editor = (
        User.objects.filter(email__iexact=form.data.get("email", "")).first()
        if form.is_valid()
        else None
    )
    if editor is None:
        messages.error(request, _("No account has this e-mail address."))
    else:
        try:
            services.shadow_editor_add(
                acting_user=current_user(request), shadow=shadow, editor=editor
            )
        except ServiceError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The co-editor is added."))
    return redirect(shadow)


@require_POST
def propose(request: HttpRequest, slug: str) -> HttpResponse:
    shadow = shadow_get(slug)
    if denied := check(request, "cocreation.propose_shadow_commitments", shadow):
        return denied
    form = ShadowProposeForm(request.POST, plans=_open_plans(shadow))
    if not form.is_valid():
        messages.error(request, _("Choose a plan that is open for proposals."))
        return redirect(shadow)
    plan = form.cleaned_data["plan"]
    try:
        created = services.shadow_commitments_propose(
            acting_user=current_user(request), shadow=shadow, plan=plan
        )
    except (ServiceError, Exception) as error:  # PermissionDenied from add_proposal included
        messages.error(
            request, " ".join(getattr(error, "messages", [str(_("This is not possible now."))]))
        )
        return redirect(shadow)
    messages.success(
        request, _("%(count)s commitments were sent as proposals.") % {"count": len(created)}
    )
    return redirect("cocreation:proposal-list", plan.slug)
