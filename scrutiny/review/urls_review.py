"""The review's own records (under /reviews/<id>/): the review, conclusions, information requests,
recommendations."""

from django.urls import path

from .views import conclusions, monitoring, recommendations, report_text, requests, response_clock, review

urlpatterns = [
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
    path("recommendations/<int:pk>/", recommendations.recommendation_detail, name="recommendation_detail"),
    path("recommendations/<int:pk>/update/", recommendations.recommendation_update, name="recommendation_update"),
    path("recommendations/<int:pk>/response/", monitoring.recommendation_response, name="recommendation_response"),
    path("recommendations/<int:pk>/actions/", monitoring.recommendation_actions, name="recommendation_actions"),
    path(
        "recommendations/<int:pk>/updates/add/", monitoring.recommendation_update_add, name="recommendation_update_add"
    ),
    path("recommendations/<int:pk>/sign-off/", monitoring.recommendation_sign_off, name="recommendation_sign_off"),
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
]
