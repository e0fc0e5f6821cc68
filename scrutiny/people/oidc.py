"""Single sign-on with OpenID Connect (Microsoft Entra ID or any standard provider), through
mozilla-django-oidc, switched on by settings (OIDC_* in scrutiny/settings.py).

It signs in people who already have an account here, matched by e-mail address; roles and
agencies are still set in the service. Nobody is created by signing in: an unknown address, or
one outside the allowed domains, is refused with a message saying what to do."""

import time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

NOT_ALLOWED = (
    "{email} is not an address from an organisation that can sign in here. "
    "Sign in with your username and password, or ask the democratic services team."
)
UNKNOWN = (
    "There is no account for {email} in this service. Ask the democratic services team to "
    "set one up with this email address, then sign in again."
)
# Clocks differ a little between the provider and us.
CLOCK_SKEW_SECONDS = 120
NO_EMAIL = "Your organisation's sign-in did not give an email address, so we cannot tell who you are here."


def claimed_email(claims: dict) -> str:
    # Entra ID gives the address as preferred_username (the UPN) when the email claim is not set up.
    return (claims.get("email") or claims.get("preferred_username") or "").strip()


def domain_allowed(email: str) -> bool:
    domain = email.rpartition("@")[2].lower()
    return bool(domain) and "@" in email and domain in {d.lower() for d in settings.OIDC_ALLOWED_EMAIL_DOMAINS}


def check_id_token(payload: dict) -> None:
    """The ID token must come from our provider, be meant for this service and be in date: the
    library checks its signature and nonce only."""
    audience = payload.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if str(payload.get("iss", "")).rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
        raise SuspiciousOperation("The sign-in token was issued by another provider.")
    if settings.OIDC_RP_CLIENT_ID not in audiences:
        raise SuspiciousOperation("The sign-in token was issued for another service.")
    if not isinstance(payload.get("exp"), int | float) or payload["exp"] < time.time() - CLOCK_SKEW_SECONDS:
        raise SuspiciousOperation("The sign-in token has expired.")


class EmailMatchingOIDCBackend(OIDCAuthenticationBackend):
    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        check_id_token(payload)
        return payload

    def verify_claims(self, claims):
        # The rules are applied when matching, where the refusal can say why (a failed
        # verification here would be a bare "Bad request").
        return True

    def filter_users_by_claims(self, claims):
        email = claimed_email(claims)
        none = self.UserModel.objects.none()
        if not email:
            return self._refuse(NO_EMAIL, none)
        if not domain_allowed(email):
            return self._refuse(NOT_ALLOWED.format(email=email), none)
        users = self.UserModel.objects.filter(email__iexact=email, is_active=True)
        if not users:
            return self._refuse(UNKNOWN.format(email=email), none)
        return users

    def create_user(self, claims):
        return None  # never: accounts are set up by an administrator (OIDC_CREATE_USER is off too)

    def update_user(self, user, claims):
        return user  # the service's own record of the person is the one that counts

    def _refuse(self, message, result):
        request = getattr(self, "request", None)
        if request is not None:
            messages.error(request, message)
        return result
