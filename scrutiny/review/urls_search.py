"""Search across the plan and the reviews: one page, the question in its address."""

from django.urls import path

from .views.search import search_page

urlpatterns = [
    path("", search_page, name="search"),
]
