"""The OpenID Connect provider's endpoints, read from its discovery document.

Given only the issuer (for Microsoft Entra ID, https://login.microsoftonline.com/<tenant>/v2.0),
the endpoints come from <issuer>/.well-known/openid-configuration, read the first time single
sign-on is used and kept for the life of the process. Nothing is fetched when the service starts,
so a provider that is briefly unreachable does not stop it starting, and password sign-in never
waits for it. An endpoint set explicitly in the settings is used as it is."""

import functools

import requests
from django.utils.functional import lazy

DISCOVERY_PATH = "/.well-known/openid-configuration"
TIMEOUT_SECONDS = 10


@functools.cache
def discovery_document(issuer: str) -> dict:
    # A failure is not cached (functools.cache keeps only results): the next sign-in tries again.
    response = requests.get(issuer.rstrip("/") + DISCOVERY_PATH, timeout=TIMEOUT_SECONDS)
    response.raise_for_status()
    return response.json()


def _endpoint(issuer: str, name: str) -> str:
    return discovery_document(issuer)[name]


# A string that is looked up when first used, so that settings can name it without a request.
discovered = lazy(_endpoint, str)
