"""How often reset links may be asked for: per e-mail address typed, and per address the requests
come from, in fixed windows kept in the cache (shared by every app server: the database cache in
production).

Every request is counted the same whether or not an account has the address, so neither the
"Check your email" page nor the refusal ever says whether one exists. The window's number is part
of each counter's key, so a cache that moves a counter's expiry when it is incremented (the
database cache does) cannot stretch a window: the next window simply uses a new key."""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .signin import client_address

REFUSED = (
    "You have asked for too many links {what} in a short time. Wait {minutes} minutes and try again. "
    "Any link already sent to you still works."
)
FOR_EMAIL = "for this email address"
FOR_ADDRESS = "from this network"


@dataclass(frozen=True)
class Refusal:
    message: str


def now() -> float:
    return time.time()


def _window_seconds() -> int:
    return settings.PASSWORD_RESET_LIMIT_WINDOW_MINUTES * 60


def _count(kind: str, value: str) -> tuple[int, int]:
    """Adds one to this window's counter; returns the count and the minutes left in the window."""
    window = _window_seconds()
    slot, into = divmod(now(), window)
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # no e-mail addresses in the cache's keys
    key = f"password-reset:{kind}:{digest}:{int(slot)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count, max(1, math.ceil((window - into) / 60))


def count_request(request, email: str) -> Refusal | None:
    """Counts a request for a reset link; says why it is refused if it is over a limit."""
    count, minutes = _count("address", client_address(request))
    if count > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        return Refusal(REFUSED.format(what=FOR_ADDRESS, minutes=minutes))
    count, minutes = _count("email", email.strip().lower())
    if count > settings.PASSWORD_RESET_LIMIT_PER_EMAIL:
        return Refusal(REFUSED.format(what=FOR_EMAIL, minutes=minutes))
    return None
