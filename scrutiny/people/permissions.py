"""The one way a view asks what a role may do.

A role's capabilities are properties of `Role` (`can_export`, `sees_every_agency`, ...). Views ask
them through this module: `capability_required` for a whole view, `require_capability` inside
one, `has_capability` for what a page offers. Objects are fetched through the
`get_<thing>_for_user(request, pk)` helpers of each app's `permissions` module, which give outsiders
a 404. No view tests a role by name."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

# What each capability's refusal says, so that every page refusing it says the same.
REFUSALS = {
    "sees_every_agency": "These pages show every agency's actions.",
    "sees_every_review": "Only administrators see every review.",
    "can_export": "Only members, clerks and administrators download the papers.",
    "can_import": "Only administrators import action plans.",
    "can_run_meetings": "Only clerks and administrators run meetings.",
    "can_write_review_records": "Only members, clerks and administrators write the review's records.",
    "can_administer": "Only administrators can do this.",
}


def has_capability(user, capability: str) -> bool:
    """True when the user is signed in, active, and their role has the capability."""
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(getattr(user.role_obj, capability))


def require_capability(user, capability: str) -> None:
    if not has_capability(user, capability):
        raise PermissionDenied(REFUSALS.get(capability, "Your role cannot do this."))


def capability_required(capability: str):
    """Decorate a view: sign-in first (to the sign-in page), then the role's capability (403)."""
    if capability not in REFUSALS:
        raise ValueError(f"Unknown capability {capability!r}: add its refusal to REFUSALS")

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            require_capability(request.user, capability)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def works_for_one_agency(user) -> bool:
    """Officers: their pages start from, and are limited to, what their agency leads."""
    return has_capability(user, "works_for_one_agency")
