"""Field and constraint declarations that many models share, written once.

Each builds a plain Django field or constraint from the arguments that differ between models, so migrations see
exactly the kwargs they would see written out. No models live here: scrutiny.core is the lowest layer.
"""

import functools
import operator

from django.conf import settings
from django.db import models
from django.db.models import Q


def link(to, related_name: str, verbose_name: str, *, on_delete=models.PROTECT, **extra) -> models.ForeignKey:
    """A required link to another record, which by default cannot be deleted while this one points at it."""
    return models.ForeignKey(to, on_delete=on_delete, related_name=related_name, verbose_name=verbose_name, **extra)


def optional_link(to, related_name: str, verbose_name: str, *, on_delete=models.PROTECT, **extra) -> models.ForeignKey:
    """A link that may be left blank."""
    return link(to, related_name, verbose_name, on_delete=on_delete, null=True, blank=True, **extra)


def user_who(verbose_name: str) -> models.ForeignKey:
    """The user who did something to the record (“added by”, “recorded by”); the user keeps no list of them."""
    return optional_link(settings.AUTH_USER_MODEL, "+", verbose_name)


def choice_is_valid(field: str, choices, name: str, message: str) -> models.CheckConstraint:
    """The database refuses a value that the field's choices (a TextChoices class) do not list."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}), name=name, violation_error_message=message
    )


def in_order(
    earlier: str, later: str, name: str, message: str, *, strictly: bool = False, earlier_optional: bool = True
) -> models.CheckConstraint:
    """Where both are given, `later` does not come before `earlier` (with `strictly`, comes after it)."""
    either_blank = [Q(**{f"{earlier}__isnull": True})] if earlier_optional else []
    either_blank.append(Q(**{f"{later}__isnull": True}))
    after = Q(**{f"{later}__{'gt' if strictly else 'gte'}": models.F(earlier)})
    return models.CheckConstraint(
        condition=functools.reduce(operator.or_, [*either_blank, after]), name=name, violation_error_message=message
    )


def not_blank(field: str, name: str, message: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=~Q(**{field: ""}), name=name, violation_error_message=message)


def dated_unless(field: str, value: str, date_field: str, name: str, message: str) -> models.CheckConstraint:
    """Once `field` leaves `value` (its starting state), `date_field` says when."""
    return models.CheckConstraint(
        condition=Q(**{field: value}) | Q(**{f"{date_field}__isnull": False}),
        name=name,
        violation_error_message=message,
    )


def unique(fields: list[str], name: str, message: str, *, when: Q | None = None) -> models.UniqueConstraint:
    """No two records share these fields (only among those matching `when`, if given)."""
    return models.UniqueConstraint(fields=fields, condition=when, name=name, violation_error_message=message)


def when_as_written(verbose_name: str, help_text: str) -> models.CharField:
    """A date or period as the source words it (“Autumn 2012”), kept beside exact dates the source may not give."""
    return models.CharField(verbose_name, max_length=100, blank=True, help_text=help_text)


def wording_from_source(source: str, item: str, named_by: str) -> models.BooleanField:
    """Whether an item's text quotes the source; where the source is silent, papers name the item instead."""
    return models.BooleanField(
        f"the text is the {source}'s wording",
        default=True,
        help_text=f"Untick when the source does not give the {item}'s wording and the text only says so: "
        f"papers then name the {item} by its {named_by}.",
    )
