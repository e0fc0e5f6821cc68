"""The plan's pages that show the group's work beside it (see `views.plan_pages`)."""

from django.urls import path

from .views import plan_pages

urlpatterns = [
    path("actions/", plan_pages.my_actions, name="my_actions"),
    path("actions/<int:pk>/", plan_pages.action_detail, name="action_detail"),
    path("areas/<int:pk>/", plan_pages.area_detail, name="area_detail"),
]
