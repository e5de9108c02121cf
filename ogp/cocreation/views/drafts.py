"""Draft versions: list, version page with paragraph comments, diff, and the working-copy editor.

The same views serve government plans (``kind="plan"``) and shadow plans (``kind="shadow"``).
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.errors import ServiceError

from ..domain.textdiff import commitment_diffs
from ..forms import CommentForm, CommitmentForm, IntroductionForm, MilestoneForm
from ..models import (
    COMMITMENT_TEXT_FIELDS,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    commitment_field_label,
)
from ..selectors import shadow_get, version_comments, version_get, versions_of, working_copy_of
from ..services import drafts as services
from ..services.inputs import comment_create, comment_period_open
from .common import add_service_error, check, current_user, rate_limited, visible_plan

DIFF_FIELDS = [*COMMITMENT_TEXT_FIELDS, "milestones"]


def _owner(request: HttpRequest, slug: str, kind: str) -> Any:
    if kind == "shadow":
        shadow = shadow_get(slug)
        if not request.user.has_perm("cocreation.view_shadow_plan", shadow):
            raise Http404
        return shadow
    return visible_plan(request, slug)


def _can_edit(request: HttpRequest, owner: Any, kind: str) -> bool:
    if kind == "shadow":
        return request.user.has_perm("cocreation.edit_shadow_plan", owner)
    return request.user.has_perm("cocreation.edit_draft", owner) and owner.is_editable


def _edit_perm(kind: str) -> str:
    return "cocreation.edit_shadow_plan" if kind == "shadow" else "cocreation.edit_draft"


def _url(kind: str, name: str, *args: Any) -> str:
    prefix = "cocreation:shadow-" if kind == "shadow" else "cocreation:"
    return reverse(prefix + name, args=args)


def _ctx(kind: str, owner: Any, **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "owner": owner,
        "plan": owner if kind == "plan" else None,
        "shadow": owner if kind == "shadow" else None,
        "url_prefix": "cocreation:shadow-" if kind == "shadow" else "cocreation:",
        **extra,
    }


def version_list(request: HttpRequest, slug: str, kind: str = "plan") -> HttpResponse:
    owner = _owner(request, slug, kind)
    editable = _can_edit(request, owner, kind)
    return render(
        request,
        "cocreation/version_list.html",
        _ctx(kind, owner, versions=versions_of(owner), can_edit=editable),
    )


def version_detail(
    request: HttpRequest, slug: str, number: int, kind: str = "plan"
) -> HttpResponse:
    owner = _owner(request, slug, kind)
    version = version_get(owner, number)
    if not version.is_published:
        raise Http404
    comments = version_comments(version, user=request.user)
    open_anchor = request.GET.get("comment", "")
    today = timezone.localdate()
    can_comment = request.user.has_perm(
        "cocreation.comment_version", version
    ) and comment_period_open(version, today)
    show_all = request.GET.get("all") == "1"

    def block(anchor: str, text: str, label: Any = None) -> dict[str, Any]:
        thread = comments.get(anchor, [])
        return {
            "anchor": anchor,
            "text": text,
            "label": label,
            "comments": thread,
            "is_open": show_all or anchor == open_anchor,
        }

    intro = [
        block(f"intro-{i}", text)
        for i, text in enumerate(version.introduction_paragraphs(), start=1)
    ]
    commitments = []
    for commitment in version.commitments.all():
        fields = [
            block(
                f"c-{commitment.key}-{name}",
                getattr(commitment, name),
                commitment_field_label(name),
            )
            for name in COMMITMENT_TEXT_FIELDS[1:]
            if getattr(commitment, name)
        ]
        milestones = [
            block(
                f"m-{m.key}",
                " — ".join(
                    x
                    for x in (m.title, m.expected_output, m.due_on.isoformat() if m.due_on else "")
                    if x
                ),
            )
            for m in commitment.milestones.all()
        ]
        commitments.append(
            {
                "obj": commitment,
                "title": block(f"c-{commitment.key}-title", commitment.title),
                "fields": fields,
                "milestones": milestones,
            }
        )
    return render(
        request,
        "cocreation/version_detail.html",
        _ctx(
            kind,
            owner,
            version=version,
            intro=intro,
            commitments=commitments,
            comments=comments,
            open_anchor=open_anchor,
            show_all=show_all,
            can_comment=can_comment,
            comment_form=CommentForm(),
            today=today,
            versions=versions_of(owner),
            can_respond=kind == "plan" and request.user.has_perm("cocreation.respond_input", owner),
        ),
    )


@require_POST
def version_comment(
    request: HttpRequest, slug: str, number: int, kind: str = "plan"
) -> HttpResponse:
    owner = _owner(request, slug, kind)
    version = version_get(owner, number)
    if denied := check(request, "cocreation.comment_version", version):
        return denied
    if limited := rate_limited(request, "comment"):
        return limited
    anchor = request.POST.get("anchor", "")[:60]
    form = CommentForm(request.POST)
    target = _url(kind, "version-detail", owner.slug, number)
    if form.is_valid():
        try:
            comment_create(
                acting_user=current_user(request),
                version=version,
                anchor=anchor,
                body=form.cleaned_data["body"],
            )
        except ServiceError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment is published."))
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(f"{target}?comment={anchor}#{anchor}")


def version_compare(request: HttpRequest, slug: str, kind: str = "plan") -> HttpResponse:
    owner = _owner(request, slug, kind)
    versions = versions_of(owner)
    numbers = [v.number or 0 for v in versions]
    try:
        old_n = int(request.GET.get("from") or (numbers[-2] if len(numbers) > 1 else 0))
        new_n = int(request.GET.get("to") or (numbers[-1] if numbers else 0))
    except ValueError:
        old_n = new_n = 0
    if old_n not in numbers or new_n not in numbers:
        return render(
            request,
            "cocreation/version_compare.html",
            _ctx(kind, owner, versions=versions, diffs=None),
            status=200 if len(numbers) < 2 else 404,
        )
    old, new = version_get(owner, old_n), version_get(owner, new_n)
    diffs = commitment_diffs(
        [(c.key, c.text_fields()) for c in old.commitments.all()],
        [(c.key, c.text_fields()) for c in new.commitments.all()],
        field_order=DIFF_FIELDS,
    )
    from ..domain.textdiff import word_diff

    labels = {name: commitment_field_label(name) for name in COMMITMENT_TEXT_FIELDS}
    labels["milestones"] = _("Milestones")
    return render(
        request,
        "cocreation/version_compare.html",
        _ctx(
            kind,
            owner,
            versions=versions,
            old=old,
            new=new,
            diffs=[{"diff": d, "fields": [(labels[f.name], f) for f in d.fields]} for d in diffs],
            intro_diff=word_diff(old.introduction, new.introduction),
        ),
    )


def _working(request: HttpRequest, owner: Any) -> DraftVersion:
    return services.working_copy_get(acting_user=current_user(request), owner=owner)


@require_http_methods(["GET", "POST"])
def working_copy(request: HttpRequest, slug: str, kind: str = "plan") -> HttpResponse:
    owner = _owner(request, slug, kind)
    if not _can_edit(request, owner, kind):
        return check(request, _edit_perm(kind), owner) or _refuse(request, owner)
    try:
        version = _working(request, owner)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(owner)
    form = IntroductionForm(
        request.POST or None,
        initial={
            f: getattr(version, f)
            for f in (
                "introduction",
                "changelog",
                "comments_open_from",
                "comments_close_on",
                "is_final",
            )
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_update(
                acting_user=current_user(request), version=version, **form.cleaned_data
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(_url(kind, "draft-working", owner.slug))
    version = working_copy_of(owner) or version
    return render(
        request, "cocreation/working_copy.html", _ctx(kind, owner, version=version, form=form)
    )


def _refuse(request: HttpRequest, owner: Any) -> HttpResponse:
    messages.error(request, _("This draft can no longer be changed."))
    return redirect(owner)


@require_http_methods(["GET", "POST"])
def commitment_form(
    request: HttpRequest, slug: str, pk: int | None = None, kind: str = "plan"
) -> HttpResponse:
    owner = _owner(request, slug, kind)
    if not _can_edit(request, owner, kind):
        return check(request, _edit_perm(kind), owner) or _refuse(request, owner)
    version = _working(request, owner)
    commitment = get_object_or_404(DraftCommitment, version=version, pk=pk) if pk else None
    names = [*COMMITMENT_TEXT_FIELDS, "starts_on", "ends_on", "policy_area"]
    form = CommitmentForm(
        request.POST or None,
        initial={n: getattr(commitment, n) for n in names} if commitment else {},
    )
    if request.method == "POST":
        if "delete" in request.POST and commitment is not None:
            services.commitment_delete(acting_user=current_user(request), commitment=commitment)
            messages.success(request, _("The commitment is removed from the working draft."))
            return redirect(_url(kind, "draft-working", owner.slug))
        if form.is_valid():
            try:
                services.commitment_save(
                    acting_user=current_user(request),
                    version=version,
                    commitment=commitment,
                    **form.cleaned_data,
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(_url(kind, "draft-working", owner.slug))
    return render(
        request,
        "cocreation/commitment_form.html",
        _ctx(kind, owner, form=form, commitment=commitment),
    )


@require_http_methods(["GET", "POST"])
def milestone_form(
    request: HttpRequest, slug: str, commitment_pk: int, pk: int | None = None, kind: str = "plan"
) -> HttpResponse:
    owner = _owner(request, slug, kind)
    if not _can_edit(request, owner, kind):
        return check(request, _edit_perm(kind), owner) or _refuse(request, owner)
    version = _working(request, owner)
    commitment = get_object_or_404(DraftCommitment, version=version, pk=commitment_pk)
    milestone = get_object_or_404(DraftMilestone, commitment=commitment, pk=pk) if pk else None
    form = MilestoneForm(
        request.POST or None,
        initial={n: getattr(milestone, n) for n in ("title", "expected_output", "due_on")}
        if milestone
        else {},
    )
    if request.method == "POST":
        if "delete" in request.POST and milestone is not None:
            services.milestone_delete(acting_user=current_user(request), milestone=milestone)
            return redirect(_url(kind, "draft-working", owner.slug))
        if form.is_valid():
            try:
                services.milestone_save(
                    acting_user=current_user(request),
                    commitment=commitment,
                    milestone=milestone,
                    **form.cleaned_data,
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(_url(kind, "draft-working", owner.slug))
    return render(
        request,
        "cocreation/milestone_form.html",
        _ctx(kind, owner, form=form, commitment=commitment, milestone=milestone),
    )


@require_POST
def draft_publish(request: HttpRequest, slug: str, kind: str = "plan") -> HttpResponse:
    owner = _owner(request, slug, kind)
    if not _can_edit(request, owner, kind):
        return check(request, _edit_perm(kind), owner) or _refuse(request, owner)
    version = _working(request, owner)
    try:
        if kind == "shadow":
            from ..services.shadow import shadow_publish

            shadow_publish(acting_user=current_user(request), shadow=owner, version=version)
        else:
            services.draft_publish(acting_user=current_user(request), version=version)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_url(kind, "draft-working", owner.slug))
    version.refresh_from_db()
    messages.success(request, _("Version %(number)s is published.") % {"number": version.number})
    return redirect(_url(kind, "version-detail", owner.slug, version.number))
