from django.urls import include, path

from .views import bare, minimal

urlpatterns = [
    path("bench/minimal/", minimal, name="bench_minimal"),
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("scrutiny.urls")),
]
