"""Links from a figure to the list behind it: the review's own list of actions, with its filters."""

from urllib.parse import urlencode

from django.urls import reverse


class ReviewLinks:
    """The lists behind one review's figures."""

    def __init__(self, review):
        self.review_pk = review.pk
        # One reverse() each for the hundreds of figures a dashboard links from.
        self.actions_url = reverse("dashboard_actions", args=[review.pk])
        self.plan_as_at_url = reverse("plan_as_at", args=[review.pk])

    def actions(self, **params) -> str:
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return self.actions_url + (f"?{query}" if query else "")

    def plan_as_at(self, day) -> str:
        return f"{self.plan_as_at_url}?date={day.isoformat()}"
