"""A real OpenID Connect provider for the single sign-on tests, and Scrutiny set up to use it.

The provider is tests/oidc_provider_site (django-oidc-provider) run in a subprocess on a free port
of 127.0.0.1, with its own SQLite database, RSA signing key, users and Scrutiny registered as a
client. Scrutiny is given only its issuer and reads the endpoints from its discovery document."""

import json
import os
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import requests

from scrutiny.core.oidc_discovery import discovered

ROOT = Path(__file__).resolve().parent.parent
CLIENT_ID = "scrutiny-tests"
CLIENT_SECRET = "a-client-secret-for-tests"
PROVIDER_PASSWORD = "provider-password-2026"
ALLOWED_DOMAINS = ["warwickshire.gov.uk", "nhs.net"]
START_TIMEOUT_SECONDS = 60


@dataclass
class Provider:
    url: str


@contextmanager
def running_provider(directory: Path, *, redirect_uris: list[str], emails: list[str]):
    config = {
        "client_name": "Scrutiny",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": redirect_uris,
        "users": [
            {"username": email, "email": email, "password": PROVIDER_PASSWORD, "first_name": email.split(".")[0]}
            for email in emails
        ],
    }
    config_path = directory / "provider.json"
    config_path.write_text(json.dumps(config))
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(OIDC_PROVIDER_DB=str(directory / "provider.sqlite3"), PYTHONUNBUFFERED="1")
    log_path = directory / "provider.log"  # a file, not a pipe: a pipe nobody reads can fill and stall it
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.oidc_provider_site.serve", str(config_path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    try:
        line = _first_line(process)
        if not line.startswith("PORT "):
            process.kill()
            process.wait()
            raise RuntimeError(f"The test provider did not start: {line}{log_path.read_text()}")
        yield Provider(url=f"http://127.0.0.1:{int(line.split()[1])}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _first_line(process) -> str:
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    if not selector.select(timeout=START_TIMEOUT_SECONDS):
        return f"nothing after {START_TIMEOUT_SECONDS} s. "
    return process.stdout.readline()


def use_provider(settings, provider: Provider) -> None:
    """Scrutiny's settings as scrutiny/settings.py makes them from OIDC_* variables with just the issuer."""
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = provider.url
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_ALLOWED_EMAIL_DOMAINS = ALLOWED_DOMAINS
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovered(provider.url, "authorization_endpoint")
    settings.OIDC_OP_TOKEN_ENDPOINT = discovered(provider.url, "token_endpoint")
    settings.OIDC_OP_USER_ENDPOINT = discovered(provider.url, "userinfo_endpoint")
    settings.OIDC_OP_JWKS_ENDPOINT = discovered(provider.url, "jwks_uri")
    settings.OIDC_TIMEOUT = 15
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_CREATE_USER = False
    settings.OIDC_USE_NONCE = True
    settings.LOGIN_REDIRECT_URL_FAILURE = "/sign-in/"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "scrutiny.people.oidc.EmailMatchingOIDCBackend",
    ]
    settings.ROOT_URLCONF = "tests.oidc_urls"


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") != "submit":
            self.values[attrs["name"]] = attrs.get("value") or ""


def form_values(html: str) -> dict[str, str]:
    parser = _Inputs()
    parser.feed(html)
    return parser.values


def sign_in_at_provider(authorize_url: str, email: str, *, allow: bool = True) -> str:
    """What a person does at the provider, over HTTP: sign in, then agree to share their details
    with Scrutiny. Returns where the provider sends them back to (Scrutiny's callback)."""
    with requests.Session() as session:
        login = session.get(authorize_url, timeout=30)  # not signed in there: its sign-in page
        assert login.url.split("?")[0].endswith("/login/"), login.url
        consent = session.post(
            login.url,
            data={**form_values(login.text), "username": email, "password": PROVIDER_PASSWORD},
            timeout=30,
        )
        assert "Request for Permission" in consent.text, consent.text[:500]
        choice = {"allow": "Authorize"} if allow else {}
        back = session.post(
            consent.url.split("?")[0], data={**form_values(consent.text), **choice}, timeout=30, allow_redirects=False
        )
        assert back.status_code == 302, back.text[:500]
        return back.headers["Location"]
