"""Scrutiny's addresses with single sign-on switched on, as scrutiny/urls.py has them when OIDC_CLIENT_ID
is set (the tests switch it on after the addresses were first read)."""

from django.urls import include, path

from scrutiny.urls import urlpatterns as scrutiny_urlpatterns

urlpatterns = [path("oidc/", include("scrutiny.people.oidc_urls")), *scrutiny_urlpatterns]
