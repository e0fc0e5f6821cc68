"""Links from a figure to the list behind it: the review's own list of actions, with its filters."""

from urllib.parse import urlencode

from django.urls import reverse


class ReviewLinks:
    """The lists behind one review's figures."""

    def __init__(self, review):
        self.review_pk = review.pk

    def actions(self, **params) -> str:
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return reverse("dashboard_actions", args=[self.review_pk]) + (f"?{query}" if query else "")

    def plan_as_at(self, day) -> str:
        return f"{reverse('plan_as_at', args=[self.review_pk])}?date={day.isoformat()}"
