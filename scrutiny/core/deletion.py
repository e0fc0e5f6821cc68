"""Deletes never silently change other records.

Foreign keys that would blank or unlink others on delete are PROTECT in the models. Many-to-many
links cannot be protected that way (their rows simply vanish, with no history on the other side),
so a delete is refused, naming what still relies on the record, on every path: the admin (as its
"protected objects" page, not an error), a page, the shell and QuerySet.delete().

This module names no app's models: each app says, in its AppConfig.ready(), which of its links
protect what (`refuse_while_linked`) and which records are never deleted (`never_delete`; user
accounts are deactivated instead, so history keeps its authors).
"""

from typing import NamedTuple

from django.db.models import ProtectedError
from django.db.models.signals import pre_delete


class Link(NamedTuple):
    """`model` rows link to the protected record through `lookup`; one is described as "`text`: row"."""

    model: type
    lookup: str
    text: str


# Model whose delete is refused -> the links that rely on it; model never deleted -> why not.
RELIED_ON_BY: dict[type, list[Link]] = {}
NEVER_DELETED: dict[type, str] = {}


def refuse_while_linked(protected, *, by, lookup: str, described_as: str) -> None:
    """Refuse to delete a `protected` record while a `by` record links to it through `lookup`."""
    RELIED_ON_BY.setdefault(protected, []).append(Link(by, lookup, described_as))
    _connect(protected)


def never_delete(model, *, because: str) -> None:
    NEVER_DELETED[model] = because
    _connect(model)


def relied_on_by(obj) -> list:
    """The records that would silently lose their link to `obj` if it were deleted."""
    found = []
    for link in RELIED_ON_BY.get(type(obj), ()):
        found += list(link.model._default_manager.filter(**{link.lookup: obj}))
    return found


def describe(obj, dependent) -> str:
    for link in RELIED_ON_BY.get(type(obj), ()):
        if isinstance(dependent, link.model):
            return f"{link.text}: {dependent}"
    return str(dependent)


def refuse_delete_if_relied_on(sender, instance, **kwargs):
    if sender in NEVER_DELETED:
        raise ProtectedError(NEVER_DELETED[sender], {instance})
    dependents = relied_on_by(instance)
    if dependents:
        names = "; ".join(describe(instance, d) for d in dependents)
        raise ProtectedError(f"“{instance}” cannot be deleted while these rely on it: {names}.", set(dependents))


def _connect(model) -> None:
    pre_delete.connect(refuse_delete_if_relied_on, sender=model, dispatch_uid=f"refuse-delete-{model._meta.label}")
