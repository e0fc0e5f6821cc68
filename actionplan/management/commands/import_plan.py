"""manage.py import_plan FILE --user admin (--inspection ID | --new-inspection TITLE --body BODY)
[--plan-agency WCC] [--column "By When=timescale"] [--dry-run | --yes]

The same preview as the browser, then a confirmation; applied in one transaction with the
user as the author of every change.
"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actionplan.importer import (
    FIELDS_BY_KEY,
    Options,
    UnreadableFile,
    auto_mapping,
    build_preview,
    missing_required,
    read_table,
)
from actionplan.importer.matching import AgencyMatcher
from actionplan.importer.remembered import remembered_mapping
from actionplan.importer.values import CellProblem
from actionplan.models import Inspection
from actionplan.services.plan_import import ImportRefused, apply_plan_import
from scrutiny.people.models import User


class Command(BaseCommand):
    help = "Import an action plan from an .xlsx, .xlsm, .xls, .ods or .csv file, after showing what would change."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx, .xlsm, .xls, .ods or .csv file")
        parser.add_argument("--user", required=True, help="Username of the administrator the history names")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--inspection", type=int, help="Id of an existing inspection")
        target.add_argument("--new-inspection", metavar="TITLE", help="Title of a new inspection")
        parser.add_argument("--body", default="", help="Body inspected, for a new inspection")
        parser.add_argument("--plan-agency", help="Name or short name of the agency whose plan this is")
        parser.add_argument(
            "--create-agencies",
            action="store_true",
            help="Create the agencies the file names that do not exist yet (listed in the preview)",
        )
        parser.add_argument(
            "--progress-date", metavar="DD/MM/YYYY", help="The date of the progress column's updates (default: today)"
        )
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help=f"Map a column by its header. Fields: {', '.join(FIELDS_BY_KEY)}",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Show the preview and change nothing")
        mode.add_argument("--yes", action="store_true", help="Apply without asking")

    def handle(self, *args, **opts):
        actor = User.objects.filter(username=opts["user"], is_active=True).first()
        if actor is None or not actor.role_obj.can_import:
            raise CommandError(f"{opts['user']} is not an active administrator: only administrators import plans.")
        path = Path(opts["file"])
        try:
            table = read_table(path.read_bytes(), path.name)
        except (OSError, UnreadableFile) as problem:
            raise CommandError(str(problem)) from None
        options = self.options(opts)
        mapping = self.mapping(table, opts["column"], options)
        preview = build_preview(table, mapping, options, path.name)
        self.report(preview)
        if preview.errors:
            unknown = any("is not an agency we know" in e.message for e in preview.errors)
            hint = " To create the agencies the file names, run again with --create-agencies." if unknown else ""
            raise CommandError(f"{len(preview.errors)} problem(s) in the file: nothing was imported.{hint}")
        if not preview.has_changes:
            self.stdout.write("Nothing to import: the plan already matches the file.")
            return
        if opts["dry_run"]:
            self.stdout.write("Dry run: nothing was changed.")
            return
        if not opts["yes"] and input("Apply these changes? [y/N] ").strip().lower() not in ("y", "yes"):
            self.stdout.write("Nothing was changed.")
            return
        try:
            result = apply_plan_import(
                actor=actor,
                table=table,
                mapping=mapping,
                options=options,
                file_name=path.name,
                expected_digest=preview.digest,
            )
        except ImportRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported into “{result.inspection.title}” (id {result.inspection.pk}): "
                f"{len(result.created)} created, {len(result.updated)} updated."
            )
        )

    def options(self, opts) -> Options:
        plan_agency = None
        if opts["plan_agency"]:
            try:
                plan_agency = AgencyMatcher().match(opts["plan_agency"])
            except CellProblem as problem:
                raise CommandError(str(problem)) from None
        progress_date = None
        if opts["progress_date"]:
            try:
                progress_date = datetime.datetime.strptime(opts["progress_date"], "%d/%m/%Y").date()
            except ValueError:
                raise CommandError("--progress-date: expected a date such as 31/07/2013.") from None
        if opts["inspection"]:
            inspection = Inspection.objects.filter(pk=opts["inspection"]).first()
            if inspection is None:
                raise CommandError(f"There is no inspection with id {opts['inspection']}.")
            return Options(
                inspection=inspection,
                plan_agency=plan_agency,
                progress_date=progress_date,
                create_agencies=opts["create_agencies"],
            )
        if not opts["body"].strip():
            raise CommandError("Give --body (the body inspected) for a new inspection.")
        for option, field_name in (("new_inspection", "title"), ("body", "body_inspected")):
            limit = Inspection._meta.get_field(field_name).max_length
            if len(opts[option].strip()) > limit:
                raise CommandError(
                    f"--{option.replace('_', '-')} is {len(opts[option].strip())} characters long: at most {limit}."
                )
        return Options(
            new_inspection_title=opts["new_inspection"].strip(),
            new_inspection_body=opts["body"].strip(),
            plan_agency=plan_agency,
            progress_date=progress_date,
            create_agencies=opts["create_agencies"],
        )

    def mapping(self, table, columns, options) -> dict[str, int]:
        remembered, note = remembered_mapping(table, options.inspection, options.plan_agency)
        if remembered:
            self.stdout.write(note)
        mapping = remembered or auto_mapping(table)
        headers = [h.casefold() for h in table.headers]
        for item in columns:
            header, _, key = item.rpartition("=")
            if key not in FIELDS_BY_KEY or header.casefold() not in headers:
                raise CommandError(
                    f"--column {item}: expected HEADER=FIELD with a header of the file and one of "
                    f"{', '.join(FIELDS_BY_KEY)}."
                )
            index = headers.index(header.casefold())
            mapping = {k: i for k, i in mapping.items() if i != index}
            mapping[key] = index
        missing = missing_required(mapping)
        if missing:
            raise CommandError(
                "These columns were not found: "
                + ", ".join(f.label for f in missing)
                + f". The file's headers are: {', '.join(h or '(blank)' for h in table.headers)}. "
                'Say which is which with --column "HEADER=FIELD".'
            )
        return mapping

    def report(self, preview) -> None:
        w = self.stdout.write
        w(
            f"{preview.file_name}: {len(preview.creates)} to create, {len(preview.updates)} to update, "
            f"{len(preview.unchanged)} unchanged, {len(preview.new_areas)} new area(s), "
            f"{len(preview.new_plans)} new plan(s), {len(preview.new_agencies)} new agency(ies), "
            f"{len(preview.errors)} problem(s)."
        )
        lines = [f"  column {column} -> {label}" for column, label in preview.columns_used]
        lines += (
            f"  new agency: {agency.name} (short name {agency.short_name}, {agency.get_kind_display()})"
            for agency in preview.new_agencies
        )
        lines += (f"  new area {number}: {text[:80]}" for number, text in preview.new_areas)
        lines += (f"  area {c.area.number} text: {c.old[:60]!r} -> {c.new[:60]!r}" for c in preview.area_changes)
        lines += (f"  renumbered: {move}" for move in preview.moved)
        lines += (
            f"  create row {o.row.row}: area {o.area_number} {o.reference} {o.description[:60]}"
            for o in preview.creates
        )
        for outcome in preview.updates:
            lines.append(f"  update row {outcome.row.row}: area {outcome.area_number} {outcome.reference}")
            lines += (f"      {change.label}: {change.old[:60]} -> {change.new[:60]}" for change in outcome.changes)
        lines += (f"  progress update row {o.row.row}: {o.progress[:60]}" for o in preview.progress)
        lines += (f"  read by a rule: {note}" for note in preview.assumed)
        lines += (f"  left out: {note}" for note in preview.skipped)
        lines += (self.style.WARNING(f"  warning: {warning}") for warning in preview.warnings)
        lines += (self.style.ERROR(f"  problem: {error}") for error in preview.errors)
        for line in lines:
            w(line)
