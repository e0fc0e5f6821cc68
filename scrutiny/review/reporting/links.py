"""Links from a figure to the list behind it."""

from urllib.parse import urlencode

from django.urls import reverse


def actions_url(**params) -> str:
    """The filtered list of actions behind a number (the dashboard's own list: its filters are ours)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return reverse("dashboard_actions") + (f"?{query}" if query else "")

