"""Deletes never silently change other records.

Foreign keys that would blank or unlink others on delete are PROTECT in the models. Many-to-many
links cannot be protected that way (their rows simply vanish, with no history on the other side),
so a delete is refused, naming what still relies on the record, on every path: the admin (as its
"protected objects" page, not an error), a page, the shell and QuerySet.delete().

User accounts are never deleted, on any path: they are deactivated, so history keeps its authors.
"""

from django.apps import apps
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete

# Model whose delete is refused -> what relies on it: (model, lookup to it, how to describe one).
RELIED_ON_BY = {
    "actionplan.Evidence": [
        ("review.Meeting", "evidence_considered", "Meeting that considered it"),
        ("review.InformationRequest", "evidence", "Information request it answered"),
    ],
    "actionplan.Area": [
        ("review.Meeting", "areas", "Meeting that considered it"),
        ("actionplan.Action", "other_areas", "Action that also addresses it"),
    ],
    "actionplan.Action": [
        ("review.ReminderSent", "actions", "Reminder that listed it"),
    ],
    "actionplan.Inspectorate": [
        ("actionplan.Inspection", "inspectorates", "Inspection it took part in"),
    ],
}
USER_MODEL = "people.User"


def relied_on_by(obj) -> list:
    """The records that would silently lose their link to `obj` if it were deleted."""
    found = []
    for label, lookup, _ in RELIED_ON_BY.get(obj._meta.label, ()):
        found += list(apps.get_model(label)._default_manager.filter(**{lookup: obj}))
    return found


def describe(obj, dependent) -> str:
    for label, _, text in RELIED_ON_BY.get(obj._meta.label, ()):
        if dependent._meta.label == label:
            return f"{text}: {dependent}"
    return str(dependent)


def refuse_delete_if_relied_on(sender, instance, **kwargs):
    if sender._meta.label == USER_MODEL:
        raise ProtectedError("Users are deactivated, never deleted: their history must keep its author.", {instance})
    dependents = relied_on_by(instance)
    if dependents:
        names = "; ".join(describe(instance, d) for d in dependents)
        raise ProtectedError(f"“{instance}” cannot be deleted while these rely on it: {names}.", set(dependents))


def connect() -> None:
    for label in [*RELIED_ON_BY, USER_MODEL]:
        pre_delete.connect(
            refuse_delete_if_relied_on, sender=apps.get_model(label), dispatch_uid=f"refuse-delete-{label}"
        )
