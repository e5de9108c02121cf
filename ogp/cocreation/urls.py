from django.urls import path

from .views import drafts, inputs, ledger, plans, shadow, staff, standards

app_name = "cocreation"


def _draft_routes(prefix: str, name: str, kind: str) -> list:  # type: ignore[type-arg]
    extra = {"kind": kind}
    return [
        path(f"{prefix}drafts/", drafts.version_list, extra, name=f"{name}version-list"),
        path(
            f"{prefix}drafts/compare/", drafts.version_compare, extra, name=f"{name}version-compare"
        ),
        path(f"{prefix}drafts/working/", drafts.working_copy, extra, name=f"{name}draft-working"),
        path(
            f"{prefix}drafts/working/publish/",
            drafts.draft_publish,
            extra,
            name=f"{name}draft-publish",
        ),
        path(
            f"{prefix}drafts/working/commitments/new/",
            drafts.commitment_form,
            extra,
            name=f"{name}commitment-create",
        ),
        path(
            f"{prefix}drafts/working/commitments/<int:pk>/",
            drafts.commitment_form,
            extra,
            name=f"{name}commitment-edit",
        ),
        path(
            f"{prefix}drafts/working/commitments/<int:commitment_pk>/milestones/new/",
            drafts.milestone_form,
            extra,
            name=f"{name}milestone-create",
        ),
        path(
            f"{prefix}drafts/working/commitments/<int:commitment_pk>/milestones/<int:pk>/",
            drafts.milestone_form,
            extra,
            name=f"{name}milestone-edit",
        ),
        path(
            f"{prefix}drafts/<int:number>/",
            drafts.version_detail,
            extra,
            name=f"{name}version-detail",
        ),
        path(
            f"{prefix}drafts/<int:number>/comment/",
            drafts.version_comment,
            extra,
            name=f"{name}version-comment",
        ),
    ]


urlpatterns = [
    path("", plans.plan_index, name="plan-list"),
    path("country/<str:iso3>/", plans.country_page, name="country"),
    path("country/<str:iso3>/new/", plans.plan_create, name="plan-create"),
    path("staff/queue/", staff.queue, name="staff-queue"),
    path("proposals/confirm/<str:token>/", inputs.proposal_confirm, name="proposal-confirm"),
    path("shadow/new/", shadow.shadow_create, name="shadow-create"),
    path("shadow/<slug:slug>/", shadow.shadow_detail, name="shadow-detail"),
    path("shadow/<slug:slug>/editors/", shadow.editor_add, name="shadow-editor-add"),
    path("shadow/<slug:slug>/propose/", shadow.propose, name="shadow-propose"),
    *_draft_routes("shadow/<slug:slug>/", "shadow-", "shadow"),
    path("<slug:slug>/", plans.plan_detail, name="plan-detail"),
    path("<slug:slug>/edit/", plans.plan_edit, name="plan-edit"),
    path("<slug:slug>/steps/new/", plans.step_form, name="step-create"),
    path("<slug:slug>/steps/<int:pk>/", plans.step_form, name="step-edit"),
    path("<slug:slug>/opportunities/new/", plans.opportunity_form, name="opportunity-create"),
    path("<slug:slug>/opportunities/<int:pk>/", plans.opportunity_form, name="opportunity-edit"),
    path("<slug:slug>/open/", plans.plan_open, name="plan-open"),
    path("<slug:slug>/documents/new/", plans.document_upload, name="document-upload"),
    path("<slug:slug>/documents/<int:pk>/", plans.document_download, name="document-download"),
    path("<slug:slug>/submit/", plans.plan_submit, name="plan-submit"),
    path("<slug:slug>/withdraw/", plans.plan_withdraw, name="plan-withdraw"),
    path("<slug:slug>/plan.pdf", standards.plan_pdf_view, name="plan-pdf"),
    path("<slug:slug>/review/", staff.review, name="staff-review"),
    path("<slug:slug>/review/publish/", staff.publish, name="staff-publish"),
    path("<slug:slug>/proposals/", inputs.proposal_index, name="proposal-list"),
    path("<slug:slug>/proposals/new/", inputs.proposal_create, name="proposal-create"),
    path("<slug:slug>/proposals/<int:pk>/", inputs.proposal_detail, name="proposal-detail"),
    path(
        "<slug:slug>/proposals/<int:pk>/support/", inputs.proposal_support, name="proposal-support"
    ),
    path(
        "<slug:slug>/proposals/<int:pk>/comment/", inputs.proposal_comment, name="proposal-comment"
    ),
    path("<slug:slug>/offline-input/", inputs.offline_input_create, name="offline-create"),
    path("<slug:slug>/what-we-heard/", ledger.ledger_page, name="ledger"),
    path(
        "<slug:slug>/what-we-heard/unanswered/", ledger.ledger_unanswered, name="ledger-unanswered"
    ),
    path("<slug:slug>/what-we-heard.csv", ledger.ledger_export, {"fmt": "csv"}, name="ledger-csv"),
    path(
        "<slug:slug>/what-we-heard.json", ledger.ledger_export, {"fmt": "json"}, name="ledger-json"
    ),
    path(
        "<slug:slug>/what-we-heard/<int:pk>/respond/", ledger.ledger_respond, name="ledger-respond"
    ),
    path("<slug:slug>/standards/", standards.standards_page, name="standards"),
    path("<slug:slug>/standards/assess/", standards.assessment_record, name="standards-assess"),
    path("<slug:slug>/evidence-pack.zip", standards.evidence_pack, name="evidence-pack"),
    *_draft_routes("<slug:slug>/", "", "plan"),
]
