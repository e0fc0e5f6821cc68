"""What the demo tests share: the demo's password, the models it fills, and loading it twice."""

import io

from django.apps import apps
from django.core.management import call_command

DEMO_APPS = ("people", "actionplan", "review")
# Reference data that a migration loads, not the demo: its history rows are the migration's.
SEEDED_BY_MIGRATIONS = {"actionplan.InspectionType"}
PASSWORD = "scrutiny-demo-2012"


def tracked_models():
    """Every model of ours that keeps a history."""
    for label in DEMO_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label in SEEDED_BY_MIGRATIONS:
                continue
            if getattr(model._meta, "simple_history_manager_attribute", None):
                yield model


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for label in DEMO_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def load_demo_twice() -> tuple[str, str]:
    """`manage.py load_demo` run twice: the second run changes no row. Returns what each printed."""
    first = io.StringIO()
    call_command("load_demo", stdout=first)
    counts = row_counts()
    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert row_counts() == counts
    return first.getvalue(), second.getvalue()
