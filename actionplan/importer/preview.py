"""What an import would do: rows to create, to update (field by field) and unchanged, and why not.

The same preview is computed again inside the apply step's transaction, so what is applied is
what the data says at that moment; its digest tells the user when that differs from what they saw.
Queries are a fixed handful whatever the size of the plan: existing records are fetched once into dicts.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils import timezone

from scrutiny.people.models import Agency

from ..models import Action, ActionPlan, ActionStatus, Area, Inspection, InspectionType, Rag
from .areas import number_areas
from .headers import FIELDS_BY_KEY, column_name
from .matching import AgencyMatcher, PersonMatcher
from .notes import skipped_notes
from .progress import attach_progress, latest_notes
from .progress import describe as describe_progress
from .reading import Table
from .renumbering import key_of, match_rows
from .rows import ImportRow, Problem, RowReader
from .values import clean_text

# Fields compared and shown, in the order a person reads an action.
COMPARED = (
    ("reference", "Action reference"),
    ("description", "Action"),
    ("lead_agency", "Lead agency"),
    ("lead_officer", "Lead officer"),
    ("target_date", "Target date"),
    ("timescale_text", "Timescale as written"),
    ("success_measure", "Success measure"),
    ("status", "Status"),
    ("rag", "RAG"),
    ("completed_on", "Completion date"),
)
LABELS = dict(COMPARED)
STATUS_LABELS = dict(ActionStatus.choices)
RAG_LABELS = dict(Rag.choices)


@dataclass
class Options:
    """What the user chose on the upload form."""

    inspection: Inspection | None = None  # None: a new inspection, created on confirm
    new_inspection_title: str = ""
    new_inspection_body: str = ""
    new_inspection_type: InspectionType | None = None  # sets when the new inspection's plan is due
    plan_agency: Agency | None = None  # whose plan; None: each action's lead agency's
    progress_date: datetime.date | None = None  # the date of progress updates from the file; None: today
    create_agencies: bool = False  # propose agencies the file names that do not exist yet, rather than refuse


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    old: str
    new: str


@dataclass
class RowOutcome:
    row: ImportRow
    action: Action | None = None  # None: to create
    values: dict = field(default_factory=dict)  # model values to set (creates: all; updates: the changed ones)
    changes: list[Change] = field(default_factory=list)
    progress: str = ""  # a progress update to add, from the file's progress column

    @property
    def area_number(self):
        return self.row.area_number

    @property
    def reference(self):
        return self.row.reference

    @property
    def description(self):
        return self.row.description

    @property
    def lead_agency(self):
        return self.values.get("lead_agency") or (self.action.lead_agency if self.action else self.row.plan_agency)

    @property
    def target(self) -> str:
        values = {**self.values}
        date = values.get("target_date", self.action.target_date if self.action else None)
        text = values.get("timescale_text", self.action.timescale_text if self.action else "")
        return show("target_date", date) if date else (text or "(none)")

    @property
    def status_label(self) -> str:
        return show("status", self.values.get("status", self.action.status if self.action else ""))


@dataclass(frozen=True)
class AreaChange:
    area: Area
    old: str
    new: str


@dataclass
class Preview:
    file_name: str
    inspection: Inspection | None
    options: Options
    creates: list[RowOutcome] = field(default_factory=list)
    updates: list[RowOutcome] = field(default_factory=list)
    unchanged: list[RowOutcome] = field(default_factory=list)
    new_areas: list[tuple[int, str]] = field(default_factory=list)
    area_changes: list[AreaChange] = field(default_factory=list)
    new_plans: list[Agency] = field(default_factory=list)
    new_agencies: list[Agency] = field(default_factory=list)  # unsaved: created on confirmation
    moved: list = field(default_factory=list)  # renumbering.Moved: rows matched to an action by its text
    progress: list[RowOutcome] = field(default_factory=list)  # outcomes with a progress update to add
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    columns_used: list[tuple[str, str]] = field(default_factory=list)  # (column as written, field label)
    columns_ignored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what the file holds that is not read, and why
    assumed: list[str] = field(default_factory=list)  # the rules by which cells were read
    digest: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(
            self.creates
            or self.updates
            or self.new_areas
            or self.area_changes
            or self.new_plans
            or self.progress
            or self.new_agencies
        )

    @property
    def row_count(self) -> int:
        return len(self.creates) + len(self.updates) + len(self.unchanged)


def show(field_name: str, value) -> str:
    if value in (None, ""):
        return "(blank)"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if field_name == "status":
        return str(STATUS_LABELS.get(value, value))
    if field_name == "rag":
        return str(RAG_LABELS.get(value, value))
    return str(value)


def lead_officer_label(action: Action) -> str:
    """The lead officer as the export writes it: the person's name, else the role."""
    if action.lead_officer_id:
        return action.lead_officer.name
    return action.lead_officer_role


def build_preview(table: Table, mapping: dict[str, int], options: Options, file_name: str) -> Preview:
    return PreviewBuilder(table, mapping, options, file_name).build()


class PreviewBuilder:
    def __init__(self, table: Table, mapping: dict[str, int], options: Options, file_name: str):
        self.table, self.mapping, self.options = table, mapping, options
        self.preview = Preview(file_name=file_name, inspection=options.inspection, options=options)
        self.agencies = AgencyMatcher(propose_new=options.create_agencies)
        self.people = PersonMatcher()
        self.today = timezone.localdate()

    def build(self) -> Preview:
        p = self.preview
        self.describe_columns()
        inspection = self.options.inspection
        areas = {a.number: a for a in Area.objects.filter(inspection=inspection)} if inspection else {}
        numbered = None
        if "area_number" not in self.mapping:
            numbered = number_areas(self.table, self.mapping, {n: a.text for n, a in areas.items()})
            p.assumed.append(numbered.note)
        read = RowReader(
            self.table, self.mapping, self.agencies, self.options.plan_agency, numbered.by_row if numbered else None
        ).read()
        p.errors.extend(read.errors)
        p.warnings.extend(read.warnings)
        p.assumed.extend(read.assumed)
        p.new_agencies = list(self.agencies.proposed)
        plans = {pl.agency_id for pl in ActionPlan.objects.filter(inspection=inspection)} if inspection else set()
        existing, actions = {}, []
        if inspection:
            actions = list(
                Action.objects.filter(area__inspection=inspection)
                .select_related("area", "plan", "lead_agency", "lead_officer")
                .order_by("id")
            )
            for action in actions:
                existing.setdefault(key_of(action), action)
        matched, p.moved, renumbering_warnings = match_rows(read.rows, existing, actions)
        p.warnings.extend(renumbering_warnings)
        if p.moved:
            p.assumed.append(
                f"{len(p.moved)} action{'s are' if len(p.moved) > 1 else ' is'} matched by text "
                "rather than by reference, because the plan was renumbered: see “Renumbered actions”."
            )
        areas_without_text = self.compare_areas(read, areas)
        for agency in {row.plan_agency for row in read.rows if row.plan_agency.pk not in plans}:
            p.new_plans.append(agency)
        p.new_plans.sort(key=lambda a: a.name)
        for row in read.rows:
            if row.area_number in areas_without_text:
                continue
            action = matched.get(row.row)
            outcome = self.create(row) if action is None else self.update(row, action)
            if outcome is None:
                continue
            if action is None:
                p.creates.append(outcome)
            elif outcome.changes:
                p.updates.append(outcome)
            else:
                p.unchanged.append(outcome)
        attach_progress(p, latest_notes(inspection))
        describe_progress(p, self.table, self.mapping, self.today)
        p.errors.sort(key=lambda e: e.row or 0)
        p.digest = self.digest()
        return p

    def describe_columns(self) -> None:
        by_index = {index: key for key, index in self.mapping.items()}
        for index, header in enumerate(self.table.headers):
            name = column_name(self.table.headers, index)
            if index in by_index:
                self.preview.columns_used.append((name, FIELDS_BY_KEY[by_index[index]].label))
            elif header and index not in self.table.hidden_columns:
                self.preview.columns_ignored.append(name)
        self.preview.skipped.extend(skipped_notes(self.table, self.mapping))

    def compare_areas(self, read, areas: dict[int, Area]) -> set[int]:
        """New areas, changed area texts; returns the new areas that have no text (an error each)."""
        p = self.preview
        without_text = set()
        for number, first_row in sorted(read.area_rows.items()):
            text, _row = read.area_texts.get(number, ("", first_row))
            area = areas.get(number)
            if area is None:
                if not text:
                    column = (
                        column_name(self.table.headers, self.mapping["area_text"])
                        if "area_text" in self.mapping
                        else "“Area for improvement”"
                    )
                    p.errors.append(
                        Problem(first_row, column, f"Area {number} is new to this inspection: give its text")
                    )
                    without_text.add(number)
                else:
                    p.new_areas.append((number, text))
            elif text and clean_text(area.text) != text:
                p.area_changes.append(AreaChange(area, area.text, text))
        return without_text

    def resolve_officer(self, text: str) -> dict:
        person = self.people.find(text)
        if person is not None:
            return {"lead_officer": person, "lead_officer_role": ""}
        return {"lead_officer": None, "lead_officer_role": text}

    def completion(self, row: ImportRow, action: Action | None, status: str) -> datetime.date | None | bool:
        """The completion date the action ends with; False when the row contradicts itself."""
        given = row.values.get("completed_on")
        if status in Action.COMPLETED_STATUSES:
            if given:
                return given
            if action is not None and action.completed_on:
                return action.completed_on
            self.preview.warnings.append(
                Problem(
                    row.row,
                    row.columns.get("status", "“Status”"),
                    f"No completion date is given: it will be recorded as today, {self.today:%-d %B %Y}.",
                )
            )
            return self.today
        if given:
            self.preview.errors.append(
                Problem(
                    row.row,
                    row.columns["completed_on"],
                    f"A completion date is given but the status is {show('status', status)}. "
                    "Expected a completed status, or no completion date",
                )
            )
            return False
        return None

    def create(self, row: ImportRow) -> RowOutcome | None:
        v = row.values
        status = v.get("status", ActionStatus.NOT_STARTED)
        completed_on = self.completion(row, None, status)
        if completed_on is False:
            return None
        values = {
            "reference": v.get("reference", ""),
            "description": v["description"],
            "lead_agency": v.get("lead_agency") or row.plan_agency,
            "target_date": v.get("target_date"),
            "timescale_text": v.get("timescale_text", ""),
            "success_measure": v.get("success_measure", ""),
            "status": status,
            "rag": v.get("rag", Rag.NOT_RATED),
            "completed_on": completed_on,
            **self.resolve_officer(v.get("lead_officer", "")),
        }
        return RowOutcome(row=row, values=values)

    def update(self, row: ImportRow, action: Action) -> RowOutcome | None:
        v = row.values
        outcome = RowOutcome(row=row, action=action)
        status = v.get("status", action.status)
        completed_on = self.completion(row, action, status)
        if completed_on is False:
            return None
        wanted = {key: v[key] for key in ("reference", "description", "success_measure", "timescale_text") if key in v}
        for key in ("lead_agency", "target_date", "status", "rag"):
            if key in v:
                wanted[key] = v[key]
        wanted["completed_on"] = completed_on
        for key, label in COMPARED:
            if key == "lead_officer":
                if "lead_officer" in v and clean_text(lead_officer_label(action)) != v["lead_officer"]:
                    outcome.values.update(self.resolve_officer(v["lead_officer"]))
                    outcome.changes.append(
                        Change(key, label, show(key, lead_officer_label(action)), show(key, v["lead_officer"]))
                    )
                continue
            if key not in wanted:
                continue
            old, new = getattr(action, key), wanted[key]
            same = clean_text(old) == new if isinstance(new, str) and key not in ("status", "rag") else old == new
            if not same:
                outcome.values[key] = new
                outcome.changes.append(Change(key, label, show(key, old), show(key, new)))
        return outcome

    def digest(self) -> str:
        """Changes with the versions they were computed from: differs if anyone changed the plan since."""
        p = self.preview
        parts = [f"c{o.row.row}:{sorted((k, str(val)) for k, val in o.values.items())}" for o in p.creates]
        parts += [
            f"u{o.row.row}:{o.action.pk}:{o.action.version}:{[(c.field, c.new) for c in o.changes]}" for o in p.updates
        ]
        parts += [f"n{o.action.pk}:{o.action.version}" for o in p.unchanged]
        parts += [f"a{n}:{t}" for n, t in p.new_areas] + [f"A{c.area.pk}:{c.new}" for c in p.area_changes]
        parts += [f"p{a.pk}" for a in p.new_plans] + [str(e) for e in p.errors]
        parts += [f"g{o.row.row}:{o.progress}" for o in p.progress]
        parts += [f"N{a.name}:{a.short_name}:{a.kind}" for a in p.new_agencies]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
