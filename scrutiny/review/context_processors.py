"""Which review a page belongs to, for the bar under the menu: its title, its pages, and the other
reviews the person works on (moving to another is one click)."""

from django.urls import reverse

from scrutiny.people.permissions import has_capability

from .models import Review
from .permissions import reviews_visible_to

# (label, URL name, shown only to those who see every agency's actions)
REVIEW_PAGES = [
    ("Overview", "review_detail", False),
    ("Dashboard", "dashboard", True),
    ("Changes", "changes_since", True),
    ("Plan as it stood", "plan_as_at", True),
    ("Agencies", "agencies_side_by_side", True),
    ("Conclusions", "conclusions_table", False),
    ("Requests", "request_list", False),
    ("Recommendations", "recommendation_list", False),
    ("Meetings", "meeting_list", False),
]


def review_bar(request):
    match = getattr(request, "resolver_match", None)
    review_pk = match.kwargs.get("review_pk") if match else None
    user = getattr(request, "user", None)
    if review_pk is None or user is None or not user.is_authenticated:
        return {}
    visible = reviews_visible_to(user)
    fields = ("pk", "title", "state", "inspection__title")
    reviews = list(
        visible.exclude(state=Review.State.CLOSED).select_related("inspection").only(*fields).order_by("-id")[:10]
    )
    review = next((r for r in reviews if r.pk == review_pk), None) or (
        visible.select_related("inspection").only(*fields).filter(pk=review_pk).first()
    )
    if review is None:
        return {}
    overview = has_capability(user, "sees_every_agency")
    items = []
    for label, name, needs_overview in REVIEW_PAGES:
        if needs_overview and not overview:
            continue
        url = reverse(name, args=[review.pk])
        current = request.path == url if name == "review_detail" else request.path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return {
        "bar_review": review,
        "bar_items": items,
        "bar_other_reviews": [r for r in reviews if r.pk != review.pk],
    }
