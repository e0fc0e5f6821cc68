from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from scrutiny.people.views import SignInView, SignOutView
from scrutiny.review.views.portfolio import home, inspection_detail

urlpatterns = [
    path("", home, name="home"),
    path("sign-in/", SignInView.as_view(), name="login"),
    path("sign-out/", SignOutView.as_view(), name="logout"),
    path("", include("scrutiny.people.urls")),
    path("admin/", admin.site.urls),
    # One module per resource, so that each journey's routes live beside its views.
    path("", include("actionplan.urls_actions")),
    path("", include("scrutiny.review.urls_plan")),
    path("", include("scrutiny.review.urls_register")),
    path("", include("actionplan.urls_import")),
    path("search/", include("scrutiny.review.urls_search")),
    path("inspections/<int:inspection_pk>/", inspection_detail, name="inspection_detail"),
    # Every page about one review says which in its address.
    path("reviews/<int:review_pk>/", include("scrutiny.review.urls_review")),
    path("reviews/<int:review_pk>/", include("scrutiny.review.urls_dashboard")),
    path("reviews/<int:review_pk>/", include("scrutiny.review.urls_meetings")),
    path("", include("scrutiny.review.urls_legacy")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("scrutiny.people.oidc_urls")))

handler400 = "scrutiny.core.errors.bad_request"
handler403 = "scrutiny.core.errors.permission_denied"
handler404 = "scrutiny.core.errors.page_not_found"
handler500 = "scrutiny.core.errors.server_error"
