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
    path("", include("actionplan.urls")),
    path("inspections/<int:inspection_pk>/", inspection_detail, name="inspection_detail"),
    # One module per app: the review's pages, each about one review under reviews/<id>/, and the rest.
    path("", include("scrutiny.review.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("scrutiny.people.oidc_urls")))

handler400 = "scrutiny.core.errors.bad_request"
handler403 = "scrutiny.core.errors.permission_denied"
handler404 = "scrutiny.core.errors.page_not_found"
handler500 = "scrutiny.core.errors.server_error"
