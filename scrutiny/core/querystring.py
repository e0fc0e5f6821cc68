"""Reading ids out of query strings and form values without trusting them."""

import re

_ID = re.compile(r"[0-9]{1,12}")  # ASCII digits only ("²" is a digit to str.isdigit) and never too big for the database


def id_or_none(value) -> int | None:
    """A record id, or None for anything that is not one ('', 'abc', '²', 10**30)."""
    value = (value or "").strip()
    return int(value) if _ID.fullmatch(value) else None


def id_param(request, name: str) -> int | None:
    return id_or_none(request.GET.get(name))
