from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .views.auth import SignInView, SignOutView
from .views.home import home

urlpatterns = [
    path("", home, name="home"),
    path("sign-in/", SignInView.as_view(), name="login"),
    path("sign-out/", SignOutView.as_view(), name="logout"),
    path("", include("scrutiny.urls_accounts")),
    path("admin/", admin.site.urls),
    # One module per resource, so that each journey's routes live beside its views.
    path("", include("actionplan.urls_actions")),
    path("", include("actionplan.urls_import")),
    path("", include("scrutiny.urls_dashboard")),
    path("", include("scrutiny.urls_review")),
    path("", include("scrutiny.urls_meetings")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "scrutiny.views.errors.bad_request"
handler403 = "scrutiny.views.errors.permission_denied"
handler404 = "scrutiny.views.errors.page_not_found"
handler500 = "scrutiny.views.errors.server_error"
