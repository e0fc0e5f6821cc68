"""Links from a figure to the list behind it."""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse


def actions_url(**params) -> str:
    """The filtered list of actions behind a number (the dashboard's own list: its filters are ours)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return reverse("dashboard_actions") + (f"?{query}" if query else "")


def url_or_blank(name: str, *args) -> str:
    """Pages built by other journeys may not exist yet: link to them only when they do."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""
