from django.urls import path

from . import views

app_name = "membership"

letter = "<str:iso3>/letters/<int:pk>/"

urlpatterns = [
    path("", views.member_list, name="member-list"),
    path("members.csv", views.member_list_csv, name="member-list-csv"),
    path("status-history.csv", views.status_history_csv, name="status-history-csv"),
    path("staff/letters/", views.review_queue, name="review-queue"),
    path("staff/onboarding/", views.onboarding_list, name="onboarding-list"),
    path("staff/questions/", views.inquiry_staff_list, name="inquiry-staff-list"),
    path("staff/co-chairs/", views.cochairs_edit, name="cochairs"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("<str:iso3>/", views.country_page, name="country"),
    path("<str:iso3>/joining/", views.workspace, name="workspace"),
    path("<str:iso3>/letters/new/", views.letter_create, name="letter-create"),
    path(letter, views.letter_detail, name="letter-detail"),
    path(letter + "edit/", views.letter_edit, name="letter-edit"),
    path(letter + "letter.pdf", views.letter_pdf_download, name="letter-pdf"),
    path(letter + "signed.pdf", views.letter_signed_download, name="letter-signed"),
    path(letter + "upload/", views.letter_upload, name="letter-upload"),
    path(letter + "submit/", views.letter_submit, name="letter-submit"),
    path(letter + "return/", views.letter_return, name="letter-return"),
    path(letter + "accept/", views.letter_accept, name="letter-accept"),
    path("<str:iso3>/lead-agency/", views.lead_agency_edit, name="lead-agency-edit"),
    path("<str:iso3>/invitations/", views.invitation_create, name="invitation-create"),
    path("<str:iso3>/onboarding/contact/", views.contact_assign, name="contact-assign"),
    path("<str:iso3>/onboarding/steps/", views.step_mark, name="step-mark"),
    path("<str:iso3>/onboarding/steps/<str:item>/undo/", views.step_unmark, name="step-unmark"),
    path("<str:iso3>/status/", views.status_change, name="status-change"),
    path("<str:iso3>/status/sync/", views.status_sync, name="status-sync"),
    path("staff/assessments/", views.assessment_staff_list, name="assessment-staff-list"),
    path("<str:iso3>/assessment/", views.assessment_request, name="assessment-request"),
    path("<str:iso3>/assessment/<int:pk>/", views.assessment_decide, name="assessment-decide"),
    path(
        "<str:iso3>/assessment/<int:pk>/evidence.pdf",
        views.assessment_document,
        name="assessment-document",
    ),
    path("<str:iso3>/questions/new/", views.inquiry_create, name="inquiry-create"),
    path("<str:iso3>/questions/<int:pk>/", views.inquiry_detail, name="inquiry-detail"),
    path("<str:iso3>/questions/<int:pk>/status/", views.inquiry_status, name="inquiry-status"),
]
