"""The review app's addresses. Every page about one review says which in its address, under
/reviews/<id>/ (`review_patterns`); the rest stand beside the plan's own pages (`urlpatterns`)."""

from django.urls import include, path, re_path

from .views import (
    agencies,
    changes,
    conclusions,
    dashboard,
    evidence_files,
    glossary,
    legacy,
    meetings,
    monitoring,
    papers,
    past,
    plan_pages,
    prep,
    recommendations,
    register,
    report_text,
    requests,
    response_clock,
    review,
)
from .views import meeting_notes as notes
from .views.search import search_page

# One recommendation's pages (under recommendations/<pk>/): its decision, and its life after the report.
recommendation_patterns = [
    path("", recommendations.recommendation_detail, name="recommendation_detail"),
    path("update/", recommendations.recommendation_update, name="recommendation_update"),
    path("response/", monitoring.recommendation_response, name="recommendation_response"),
    path("actions/", monitoring.recommendation_actions, name="recommendation_actions"),
    path("updates/add/", monitoring.recommendation_update_add, name="recommendation_update_add"),
    path("sign-off/", monitoring.recommendation_sign_off, name="recommendation_sign_off"),
]

# One meeting's pages (under meetings/<pk>/): its details and attendance, its notes as they are written and
# agreed, its papers.
meeting_patterns = [
    path("", meetings.meeting_detail, name="meeting_detail"),
    path("edit/", meetings.meeting_edit, name="meeting_edit"),
    path("attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path("attendance/add/", meetings.meeting_attendee_add, name="meeting_attendee_add"),
    path("notes/", notes.meeting_notes, name="meeting_notes"),
    path("notes/add/", notes.meeting_note_add, name="meeting_note_add"),
    path("notes/<int:item_pk>/", notes.meeting_note_edit, name="meeting_note_edit"),
    path("notes/<int:item_pk>/remove/", notes.meeting_note_remove, name="meeting_note_remove"),
    path("conclusions/add/", notes.meeting_conclusion_add, name="meeting_conclusion_add"),
    path("requests/add/", notes.meeting_request_add, name="meeting_request_add"),
    path("conclusions/<int:conclusion_pk>/", notes.meeting_conclusion_edit, name="meeting_conclusion_edit"),
    path("conclusions/<int:conclusion_pk>/remove/", notes.meeting_conclusion_remove, name="meeting_conclusion_remove"),
    path("requests/<int:request_pk>/", notes.meeting_request_edit, name="meeting_request_edit"),
    path("requests/<int:request_pk>/remove/", notes.meeting_request_remove, name="meeting_request_remove"),
    path("notes/agree/", notes.meeting_agree_notes, name="meeting_agree_notes"),
    path("notes/reopen/", notes.meeting_reopen_notes, name="meeting_reopen_notes"),
    # Its papers: the extension says the format (docx, pdf, or html for the printable page).
    path("agenda.<str:fmt>", papers.meeting_agenda, name="meeting_agenda"),
    path("notes.<str:fmt>", papers.meeting_notes_export, name="meeting_notes_export"),
]

# The review's own records: the review, conclusions, information requests, recommendations, the report's text.
review_patterns = [
    path("", review.review_detail, name="review_detail"),
    path("stage/", review.review_stage_update, name="review_stage_update"),
    path("reopen/", review.review_reopen, name="review_reopen"),
    path("areas/<int:area_pk>/", review.review_area_update, name="review_area_update"),
    path("conclusions/", conclusions.conclusions_table, name="conclusions_table"),
    path("conclusions/add/", conclusions.conclusion_add, name="conclusion_add"),
    path("conclusions/<int:pk>/", conclusions.conclusion_detail, name="conclusion_detail"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/add/", requests.request_add, name="request_add"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/answer/", requests.request_answer, name="request_answer"),
    path("requests/<int:pk>/close/", requests.request_close, name="request_close"),
    path("recommendations/", recommendations.recommendation_list, name="recommendation_list"),
    path("recommendations/add/", recommendations.recommendation_add, name="recommendation_add"),
    path("recommendations/<int:pk>/", include(recommendation_patterns)),
    # The report's narrative, written by the clerk.
    path("report/", report_text.report_text_list, name="report_text_list"),
    path("report/meetings/<int:meeting_pk>/", report_text.report_text_update, name="report_text_meeting"),
    path("report/meetings/<int:meeting_pk>/draft/", report_text.report_text_reset, name="report_text_meeting_reset"),
    path(
        "report/recommendations/<int:recommendation_pk>/draft/",
        report_text.report_text_reset,
        name="report_text_recommendation_reset",
    ),
    path(
        "report/recommendations/<int:recommendation_pk>/",
        report_text.report_text_update,
        name="report_text_recommendation",
    ),
    path("report/<slug:part>/", report_text.report_text_update, name="report_text_update"),
    path("report/<slug:part>/draft/", report_text.report_text_reset, name="report_text_reset"),
    path("recommendations/report-dates/", response_clock.report_dates_update, name="report_dates_update"),
    # The members' pages: the dashboard and the lists behind it, what changed, the plan as it stood,
    # agencies side by side, a meeting's preparation pack.
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/actions/", dashboard.dashboard_actions, name="dashboard_actions"),
    path("dashboard/evidence-awaited/", dashboard.dashboard_evidence, name="dashboard_evidence"),
    path("dashboard/open-requests/", dashboard.dashboard_requests, name="dashboard_requests"),
    path("changes/", changes.changes_since, name="changes_since"),
    path("plan/as-at/", past.plan_as_at_view, name="plan_as_at"),
    path("meetings/<int:pk>/prepare/", prep.prep_pack, name="prep_pack"),
    path("agencies/compare/", agencies.agencies_side_by_side, name="agencies_side_by_side"),
    # Meetings and papers.
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/add/", meetings.meeting_add, name="meeting_add"),
    path("meetings/<int:pk>/", include(meeting_patterns)),
    # Papers: the extension says the format (docx, pdf, or html for the printable page).
    path("conclusions.<str:fmt>", papers.conclusions_export, name="conclusions_export"),
    # Before meetings.<fmt>, which would otherwise take "ics" as a spreadsheet format.
    path("meetings.ics", papers.meetings_ics, name="meetings_ics"),
    path("meetings.<str:fmt>", papers.meetings_export, name="meetings_export"),
    path("report-<str:kind>.<str:fmt>", papers.review_report, name="review_report"),
]

urlpatterns = [
    # The plan's pages that show the group's work beside it (see `views.plan_pages`).
    path("actions/", plan_pages.my_actions, name="my_actions"),
    path("actions/<int:pk>/", plan_pages.action_detail, name="action_detail"),
    path("areas/<int:pk>/", plan_pages.area_detail, name="area_detail"),
    path("evidence/<int:pk>/download/", evidence_files.evidence_download, name="evidence_download"),
    # Pages across reviews: the register of recommendations and observations, and the glossary.
    path("recommendations/register/", register.recommendation_register, name="recommendation_register"),
    path("recommendations/register.<str:fmt>", register.recommendation_register, name="recommendation_register_export"),
    path("glossary/", glossary.glossary, name="glossary"),
    # Search across the plan and the reviews: one page, the question in its address.
    path("search/", search_page, name="search"),
    path("reviews/<int:review_pk>/", include(review_patterns)),
    # Addresses from before each review's pages said which review: redirects to the new ones.
    *[path(old, legacy.to_review_page, {"name": name}) for old, name in legacy.REVIEW_PAGES.items()],
    re_path(
        r"^(?P<kind>meetings|requests|conclusions|recommendations)/(?P<pk>[0-9]{1,12})/(?P<rest>.*)$",
        legacy.to_record_page,
    ),
]
