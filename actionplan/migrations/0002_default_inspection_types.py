"""The default inspection types, with a "created" history row each. Existing inspections keep no
type: which kind they were is for an administrator to say."""

from django.db import migrations
from django.utils import timezone

from actionplan.inspection_types import DEFAULT_INSPECTION_TYPES

FIELDS = ("code", "name", "plan_due_after", "plan_due_unit", "rule_source")


def create_defaults(apps, schema_editor):
    InspectionType = apps.get_model("actionplan", "InspectionType")
    HistoricalInspectionType = apps.get_model("actionplan", "HistoricalInspectionType")
    now = timezone.now()
    for spec in DEFAULT_INSPECTION_TYPES:
        values = {field: spec[field] for field in FIELDS}
        if InspectionType.objects.filter(code=values["code"]).exists():
            continue
        kind = InspectionType.objects.create(**values)
        HistoricalInspectionType.objects.create(
            id=kind.pk,
            **values,
            history_date=now,
            history_type="+",
            history_change_reason="Default inspection types: check them against the inspectorates' frameworks",
        )


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_defaults, migrations.RunPython.noop),
    ]
