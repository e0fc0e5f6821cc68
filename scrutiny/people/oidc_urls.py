"""Single sign-on's addresses (included under /oidc/ when OIDC_CLIENT_ID is set), with the names
mozilla-django-oidc looks for."""

from django.urls import path

from .views.single_sign_on import FinishSingleSignOn, StartSingleSignOn

urlpatterns = [
    path("callback/", FinishSingleSignOn.as_view(), name="oidc_authentication_callback"),
    path("authenticate/", StartSingleSignOn.as_view(), name="oidc_authentication_init"),
]
