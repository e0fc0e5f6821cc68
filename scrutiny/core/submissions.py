"""One form shown, one record saved: each form a page shows carries a random one-time token, and a
token already used is not saved again (a double press with scripts off, the back button and send
again, a browser retrying a slow request).

The token is claimed in the shared cache before the service runs (`cache.add`, which only one of two
requests at the same moment wins), given back if the write fails (the person corrects the form and
sends it again), and kept for a day with the address the first sending led to."""

import re
import secrets
import time

from django.core.cache import cache

SUBMISSION_FIELD = "_submission"
KEPT_SECONDS = 24 * 60 * 60
IN_FLIGHT = "saving"
WAIT_SECONDS = 10  # a second sending that arrives while the first is still saving waits for its answer
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _key(token: str) -> str:
    return f"form-sent:{token}"


def fresh_token() -> str:
    return secrets.token_urlsafe(18)


def posted_token(request) -> str | None:
    """The token of the form this POST comes from; None for a GET, or a form sent without one."""
    if request.method != "POST":
        return None
    token = request.POST.get(SUBMISSION_FIELD, "")
    return token if _TOKEN.fullmatch(token) else None


def claim(token: str | None) -> bool:
    """True when this sending may save: the first with this token, or a form without one."""
    return token is None or cache.add(_key(token), IN_FLIGHT, KEPT_SECONDS)


def release(token: str | None) -> None:
    if token:
        cache.delete(_key(token))


def remember(token: str | None, url: str) -> None:
    if token:
        cache.set(_key(token), url, KEPT_SECONDS)


def already_sent(token: str) -> str | None:
    """Where the first sending of this form led, once it has been saved; None if it has not been."""
    deadline = time.monotonic() + WAIT_SECONDS
    while (sent := cache.get(_key(token))) == IN_FLIGHT and time.monotonic() < deadline:
        time.sleep(0.2)
    return sent if sent and sent != IN_FLIGHT else None
