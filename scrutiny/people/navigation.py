"""The menu each role sees."""

from dataclasses import dataclass

from django.urls import reverse

from .permissions import has_capability, works_for_one_agency


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    visible_to: str  # name of a Role capability, or "" for every signed-in user
    officer_label: str = ""


NAVIGATION = [
    NavEntry("Home", "home", "sees_every_agency"),
    NavEntry("Actions", "my_actions", "", officer_label="My actions"),
    NavEntry("Recommendations", "recommendation_register", "sees_every_agency"),
    NavEntry("Import", "plan_import", "can_import"),
    NavEntry("Administration", "admin:index", "can_administer"),
]


def navigation_for(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    officer = works_for_one_agency(user)
    items = []
    for entry in NAVIGATION:
        if entry.visible_to and not has_capability(user, entry.visible_to):
            continue
        url = reverse(entry.url_name)
        label = entry.officer_label if (entry.officer_label and officer) else entry.label
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": label, "url": url, "active": active})
    return items
