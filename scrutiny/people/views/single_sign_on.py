"""Starting and finishing single sign-on: mozilla-django-oidc's views, with what went wrong said in
plain words on the sign-in page instead of an error page."""

import logging

import requests
from django.contrib import messages
from django.shortcuts import redirect
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

logger = logging.getLogger(__name__)

UNREACHABLE = (
    "Your organisation’s sign-in service could not be reached. Try again in a few minutes, "
    "or sign in with your username and password."
)
CANCELLED = "You did not finish signing in with your organisation’s account, so you are not signed in."


class StartSingleSignOn(OIDCAuthenticationRequestView):
    def get(self, request):
        try:
            return super().get(request)  # reads the provider's discovery document the first time
        except requests.RequestException:
            logger.exception("The OpenID Connect provider could not be reached")
            messages.error(request, UNREACHABLE)
            return redirect("login")


class FinishSingleSignOn(OIDCAuthenticationCallbackView):
    def get(self, request):
        try:
            response = super().get(request)
        except requests.RequestException:
            logger.exception("The OpenID Connect provider could not be reached")
            messages.error(request, UNREACHABLE)
            return self.login_failure()
        if request.GET.get("error"):
            messages.error(request, CANCELLED)
        return response
