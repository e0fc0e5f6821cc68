"""Addresses from before each review's pages said which review: redirects to the new ones."""

from django.urls import path, re_path

from .views import legacy

urlpatterns = [
    *[path(old, legacy.to_review_page, {"name": name}) for old, name in legacy.REVIEW_PAGES.items()],
    re_path(
        r"^(?P<kind>meetings|requests|conclusions|recommendations)/(?P<pk>[0-9]{1,12})/(?P<rest>.*)$",
        legacy.to_record_page,
    ),
]
