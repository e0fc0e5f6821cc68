"""Apply an import: one transaction, every record saved with its author and the file's name.

The preview is computed again inside the transaction, so what is written is what the data says
now; if it has errors, or differs from what the user confirmed, nothing is written.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from scrutiny.people.models import Agency

from ..import_records import PlanImport
from ..importer import Options, Preview, Table, build_preview
from ..models import Action, ActionPlan, Area, Inspection, TargetDateChange
from .actions import add_progress_note


class ImportRefused(Exception):
    """Nothing was changed; `preview` says why (errors, or the plan changed since the preview)."""

    def __init__(self, preview: Preview, message: str):
        super().__init__(message)
        self.preview = preview


class AlreadyImported(Exception):
    """This upload was applied before (a second press of the button, or a second tab): nothing was changed."""

    def __init__(self, record: PlanImport):
        super().__init__(f"{record.file_name} was already imported.")
        self.record = record


@dataclass
class ImportResult:
    inspection: Inspection
    preview: Preview
    created: list[Action]
    updated: list[Action]
    record: PlanImport | None = None


def _claim(token: str, stamp, **fields) -> PlanImport:
    """The first confirmation of an upload claims its token; any other waits for it (the unique index
    holds the second insert on PostgreSQL until the first commits) and is then told it was imported."""
    try:
        with transaction.atomic():
            record = stamp(PlanImport(token=token, **fields))
            record.save()
            return record
    except IntegrityError:
        done = PlanImport.objects.filter(token=token).select_related("inspection").first()
        if done is None:
            raise
        raise AlreadyImported(done) from None


def plan_title(agency, inspection) -> str:
    return f"{agency.short_name} action plan: {inspection.title}"[:300]


def _add_progress(actor, preview: Preview, created: list[Action], options: Options) -> None:
    """The progress column's updates, through the progress service, dated as the user said (midday), or now."""
    dated = None
    if options.progress_date and options.progress_date != timezone.localdate():
        dated = timezone.make_aware(datetime.datetime.combine(options.progress_date, datetime.time(12)))
    created_by_row = {outcome.row.row: action for outcome, action in zip(preview.creates, created, strict=False)}
    for outcome in preview.progress:
        action = created_by_row.get(outcome.row.row) if outcome.action is None else outcome.action
        add_progress_note(actor=actor, action=action, note=outcome.progress, dated=dated)


def apply_plan_import(
    *,
    actor,
    table: Table,
    mapping: dict[str, int],
    options: Options,
    file_name: str,
    expected_digest: str | None = None,
    token: str = "",
) -> ImportResult:
    """`expected_digest` is the preview the person confirmed; a page always sends it (an empty one is
    refused), the command line, which shows its own preview first, may leave it out. `token` names the
    upload: a second apply of the same token changes nothing and raises `AlreadyImported`."""
    reason = f"Imported from {file_name}"[:100]

    def stamp(obj):
        obj._history_user = actor
        obj._change_reason = reason
        return obj

    with transaction.atomic():
        record = _claim(
            token or secrets.token_hex(16),
            stamp,
            file_name=file_name[:200],
            imported_by=actor,
            plan_agency=options.plan_agency,
            headers=list(table.headers),
            mapping=dict(mapping),
        )
        if options.inspection is not None:
            # Hold the plan's actions still while the preview is worked out again and applied: an officer's
            # update committed in between would otherwise be overwritten without a trace.
            list(
                Action.objects.select_for_update(of=("self",))
                .filter(area__inspection=options.inspection)
                .values_list("pk")
            )
        preview = build_preview(table, mapping, options, file_name)
        if preview.errors:
            raise ImportRefused(preview, "The file has errors: nothing was imported.")
        if expected_digest is not None and preview.digest != expected_digest:
            raise ImportRefused(preview, "The plan changed since your preview: check the changes again.")
        if preview.new_agencies:
            # The agencies the person confirmed are created first; the file is then read again against them.
            for proposed in preview.new_agencies:
                stamp(Agency(name=proposed.name, short_name=proposed.short_name, kind=proposed.kind)).save()
            created_agencies = preview.new_agencies
            preview = build_preview(table, mapping, options, file_name)
            if preview.errors or preview.new_agencies:
                raise ImportRefused(preview, "The file has errors: nothing was imported.")
            preview.new_agencies = created_agencies

        inspection = options.inspection
        if inspection is None:
            inspection = stamp(
                Inspection(
                    title=options.new_inspection_title,
                    body_inspected=options.new_inspection_body,
                    inspection_type=options.new_inspection_type,
                )
            )
            inspection.save()
        areas = {a.number: a for a in Area.objects.filter(inspection=inspection)}
        for number, text in preview.new_areas:
            areas[number] = stamp(Area(inspection=inspection, number=number, text=text))
            areas[number].save()
        for change in preview.area_changes:
            area = stamp(areas[change.area.number])
            area.text = change.new
            area.save()
        plans = {p.agency_id: p for p in ActionPlan.objects.filter(inspection=inspection)}
        for agency in preview.new_plans:
            plans[agency.pk] = stamp(
                ActionPlan(
                    inspection=inspection, agency=agency, title=plan_title(agency, inspection), based_on=file_name[:300]
                )
            )
            plans[agency.pk].save()

        # Thousands of new actions: simple-history's bulk helper writes each one's "created" row
        # with the importer and the file's name, in a handful of queries rather than three per row.
        created = bulk_create_with_history(
            [
                Action(plan=plans[outcome.row.plan_agency.pk], area=areas[outcome.row.area_number], **outcome.values)
                for outcome in preview.creates
            ],
            Action,
            batch_size=500,
            default_user=actor,
            default_change_reason=reason,
        )
        updated = []
        for outcome in preview.updates:
            action = stamp(outcome.action)
            old_date = action.target_date
            for name, value in outcome.values.items():
                setattr(action, name, value)
            action.save()
            if action.target_date != old_date:
                # Target dates move in the open: the move is kept, as it is when an officer makes it.
                stamp(
                    TargetDateChange(
                        action=action, old_date=old_date, new_date=action.target_date, reason=reason, changed_by=actor
                    )
                ).save()
            updated.append(action)
        _add_progress(actor, preview, created, options)
        record.inspection = inspection
        record.created_count, record.updated_count = len(created), len(updated)
        record.unchanged_count = len(preview.unchanged)
        record.save()
    return ImportResult(inspection=inspection, preview=preview, created=created, updated=updated, record=record)
