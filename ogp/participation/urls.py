from django.urls import path

from .views import directory, events, forums, guidance, lists, staff

app_name = "participation"

urlpatterns = [
    path("", staff.overview, name="overview"),
    # Mailing lists
    path("mailing-lists/", lists.signup, name="mailing-list-signup"),
    path("mailing-lists/confirm/<str:token>/", lists.confirm, name="subscription-confirm"),
    path("mailing-lists/unsubscribe/<str:token>/", lists.unsubscribe, name="unsubscribe"),
    path("staff/mailing-lists/", lists.staff_lists, name="staff-lists"),
    path("staff/mailing-lists/<slug:slug>/export/", lists.staff_export, name="staff-list-export"),
    path("staff/mailing-lists/<slug:slug>/send/", lists.staff_send, name="staff-list-send"),
    # Forums
    path("forums/", forums.forum_index, name="forum-list"),
    path("forums/new/", forums.forum_create, name="forum-create"),
    path("staff/forums/", forums.staff_compliance, name="staff-forums"),
    path("forums/<slug:slug>/", forums.forum_detail, name="forum-detail"),
    path("forums/<slug:slug>/edit/", forums.forum_edit, name="forum-edit"),
    path("forums/<slug:slug>/join/", forums.request_membership, name="forum-request"),
    path("forums/<slug:slug>/requests/", forums.request_list, name="forum-requests"),
    path(
        "forums/<slug:slug>/requests/<int:pk>/decide/", forums.decide_request, name="forum-decide"
    ),
    path(
        "forums/<slug:slug>/requests/<int:pk>/withdraw/",
        forums.withdraw_request,
        name="forum-withdraw",
    ),
    path("forums/<slug:slug>/members/add/", forums.member_add, name="forum-member-add"),
    path("forums/<slug:slug>/members/<int:pk>/", forums.member_edit, name="forum-member-edit"),
    path("forums/<slug:slug>/meetings/new/", forums.meeting_form, name="meeting-create"),
    path("forums/<slug:slug>/meetings/<int:pk>/", forums.meeting_detail, name="meeting-detail"),
    path("forums/<slug:slug>/meetings/<int:pk>/edit/", forums.meeting_form, name="meeting-edit"),
    path(
        "forums/<slug:slug>/meetings/<int:pk>/documents/",
        forums.document_upload,
        name="document-upload",
    ),
    path(
        "forums/<slug:slug>/meetings/<int:pk>/documents/<int:doc>/",
        forums.document_download,
        name="document-download",
    ),
    path(
        "forums/<slug:slug>/meetings/<int:pk>/documents/<int:doc>/delete/",
        forums.document_delete,
        name="document-delete",
    ),
    # Events
    path("events/", events.event_index, name="event-list"),
    path("events/calendar.ics", events.calendar_feed, name="event-feed"),
    path("events/new/", events.event_form, name="event-create"),
    path("events/mine/", events.my_registrations, name="my-registrations"),
    path("events/<slug:slug>/", events.event_detail, name="event-detail"),
    path("events/<slug:slug>/edit/", events.event_form, name="event-edit"),
    path("events/<slug:slug>/event.ics", events.event_ics, name="event-ics"),
    path("events/<slug:slug>/register/", events.register, name="event-register"),
    path("events/<slug:slug>/registrations/<int:pk>/cancel/", events.cancel, name="event-cancel"),
    path("events/<slug:slug>/registrants/", events.registrants, name="event-registrants"),
    # Directory
    path("directory/", directory.directory, name="directory"),
    path("directory/people/<int:pk>/", directory.person_detail, name="person-detail"),
    path("directory/people/<int:pk>/delete/", directory.delete_entry, name="person-delete"),
    path("directory/my-entry/", directory.my_entry, name="my-entry"),
    path("my-data/", directory.my_data, name="my-data"),
    # Country guidance
    path("countries/<str:iso3>/", guidance.country_page, name="country"),
    # Follows, digests and moderation: ogp.engagement.urls (mounted at the same /participate/)
]
