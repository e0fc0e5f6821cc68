"""Reading ids and return addresses out of query strings and form values without trusting them."""

import re

from django.utils.http import url_has_allowed_host_and_scheme

_ID = re.compile(r"[0-9]{1,12}")  # ASCII digits only ("²" is a digit to str.isdigit) and never too big for the database


def id_or_none(value) -> int | None:
    """A record id, or None for anything that is not one ('', 'abc', '²', 10**30)."""
    value = (value or "").strip()
    return int(value) if _ID.fullmatch(value) else None


def id_param(request, name: str) -> int | None:
    return id_or_none(request.GET.get(name))


def same_site_path(request, name: str = "next") -> str | None:
    """A page of this site to go back to (`?next=/actions/6/`): a path only, never another site's address."""
    value = request.GET.get(name) or ""
    if len(value) > 2000 or not value.startswith("/") or value.startswith(("//", "/\\")):
        return None
    return value if url_has_allowed_host_and_scheme(value, allowed_hosts=None) else None
