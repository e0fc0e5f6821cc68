"""A review's meetings and papers (under /reviews/<id>/)."""

from django.urls import path

from .views import meeting_notes as notes
from .views import meetings, papers

urlpatterns = [
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/add/", meetings.meeting_add, name="meeting_add"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/attendance/add/", meetings.meeting_attendee_add, name="meeting_attendee_add"),
    path("meetings/<int:pk>/notes/", notes.meeting_notes, name="meeting_notes"),
    path("meetings/<int:pk>/notes/add/", notes.meeting_note_add, name="meeting_note_add"),
    path("meetings/<int:pk>/notes/<int:item_pk>/", notes.meeting_note_edit, name="meeting_note_edit"),
    path("meetings/<int:pk>/notes/<int:item_pk>/remove/", notes.meeting_note_remove, name="meeting_note_remove"),
    path("meetings/<int:pk>/conclusions/add/", notes.meeting_conclusion_add, name="meeting_conclusion_add"),
    path("meetings/<int:pk>/requests/add/", notes.meeting_request_add, name="meeting_request_add"),
    path(
        "meetings/<int:pk>/conclusions/<int:conclusion_pk>/",
        notes.meeting_conclusion_edit,
        name="meeting_conclusion_edit",
    ),
    path(
        "meetings/<int:pk>/conclusions/<int:conclusion_pk>/remove/",
        notes.meeting_conclusion_remove,
        name="meeting_conclusion_remove",
    ),
    path("meetings/<int:pk>/requests/<int:request_pk>/", notes.meeting_request_edit, name="meeting_request_edit"),
    path(
        "meetings/<int:pk>/requests/<int:request_pk>/remove/",
        notes.meeting_request_remove,
        name="meeting_request_remove",
    ),
    path("meetings/<int:pk>/notes/agree/", notes.meeting_agree_notes, name="meeting_agree_notes"),
    path("meetings/<int:pk>/notes/reopen/", notes.meeting_reopen_notes, name="meeting_reopen_notes"),
    # Papers: the extension says the format (docx, pdf, or html for the printable page).
    path("meetings/<int:pk>/agenda.<str:fmt>", papers.meeting_agenda, name="meeting_agenda"),
    path("meetings/<int:pk>/notes.<str:fmt>", papers.meeting_notes_export, name="meeting_notes_export"),
    path("conclusions.<str:fmt>", papers.conclusions_export, name="conclusions_export"),
    # Before meetings.<fmt>, which would otherwise take "ics" as a spreadsheet format.
    path("meetings.ics", papers.meetings_ics, name="meetings_ics"),
    path("meetings.<str:fmt>", papers.meetings_export, name="meetings_export"),
    path("report-<str:kind>.<str:fmt>", papers.review_report, name="review_report"),
]
