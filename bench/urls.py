from django.urls import include, path

from .views import bare, minimal, touch

urlpatterns = [
    path("bench/minimal/", minimal, name="bench_minimal"),
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/touch/", touch, name="bench_touch"),
    path("", include("scrutiny.urls")),
]
