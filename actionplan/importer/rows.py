"""Rows of cells to rows of an action plan: each value read, each problem named by row and column."""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from scrutiny.people.models import Agency

from ..models import Action, ActionStatus, Rag
from .colours import rating_of_colour
from .headers import FIELDS_BY_KEY, column_name
from .lenient import SPLIT_RAG_RULE, read_rag, read_timescale
from .matching import AgencyMatcher
from .notes import row_ranges
from .reading import Table
from .values import (
    CellProblem,
    Timescale,
    clean_text,
    parse_area_number,
    parse_date,
    parse_status,
    parse_status_or_rag,
)


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    message: str
    value: str = ""  # the cell as written, quoted, when the problem is the cell's

    def __str__(self):
        where = f"Row {self.row}, {self.column}" if self.row else self.column
        reads = f" reads {self.value}" if self.value else ""
        return f"{where}{reads}: {self.message}"


AGENCY_IN_LEAD_RULE = (
    "Where the lead officer's cell names an agency we know, that agency is the action's lead "
    "agency, and the rest of the cell (if any) is the lead officer."
)
# Values whose model field has another name.
MODEL_FIELDS = {"lead_officer": "lead_officer_role"}


def max_length(key: str) -> int | None:
    try:
        model_field = Action._meta.get_field(MODEL_FIELDS.get(key, key))
    except FieldDoesNotExist:  # not a field of the action (an area's text, a progress note)
        return None
    return model_field.max_length if isinstance(model_field, models.CharField) else None


def quote(value, limit: int = 60) -> str:
    text = str(value)
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def too_long(value: str, limit: int) -> str:
    return f"{quote(value)} is {len(value):,} characters long: this field holds at most {limit}. Shorten it"


@dataclass
class ImportRow:
    row: int
    area_number: int
    area_text: str
    plan_agency: Agency
    # The action's fields this row gives, by model field name (lead_officer as the text written).
    values: dict = field(default_factory=dict)
    columns: dict = field(default_factory=dict)  # model field -> column name, to place later problems
    completed_hint: str = ""  # why the row reads as completed when no column gives its status

    @property
    def reference(self) -> str:
        return self.values.get("reference", "")

    @property
    def description(self) -> str:
        return self.values.get("description", "")

    def key(self) -> tuple:
        return action_key(self.plan_agency.pk, self.area_number, self.reference, self.description)


def action_key(plan_agency_id, area_number, reference, description) -> tuple:
    """An action is the same action when its plan, area and reference agree (or, with no reference, its text)."""
    if reference:
        return (plan_agency_id, area_number, "ref", reference.casefold())
    return (plan_agency_id, area_number, "text", " ".join(description.casefold().split()))


@dataclass
class ReadRows:
    rows: list[ImportRow]
    area_texts: dict[int, tuple[str, int]]  # area number -> (text, first row giving it)
    area_rows: dict[int, int]  # area number -> first row naming it
    errors: list[Problem]
    warnings: list[Problem]
    assumed: list[str] = field(default_factory=list)


class RowReader:
    """Reads every row; carries the area forward to rows that leave it blank."""

    def __init__(
        self,
        table: Table,
        mapping: dict[str, int],
        agencies: AgencyMatcher,
        plan_agency: Agency | None,
        area_numbers: dict[int, int] | None = None,
    ):
        self.area_numbers = area_numbers  # by row, for a plan that gives areas only as text
        self.table = table
        self.mapping = mapping
        self.agencies = agencies
        self.plan_agency = plan_agency
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.assumed: list[str] = []
        self.cells: list = []  # the row being read, so that a problem can quote its cell
        self.coloured_rows: dict[str, list[int]] = {}  # rows whose rating was read from the fill colour

    def column(self, key: str) -> str:
        if key in self.mapping:
            return column_name(self.table.headers, self.mapping[key])
        return f"“{FIELDS_BY_KEY[key].label}”"

    def cell(self, cells: list, key: str):
        index = self.mapping.get(key)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def read(self) -> ReadRows:
        rows: list[ImportRow] = []
        area_texts: dict[int, tuple[str, int]] = {}
        area_rows: dict[int, int] = {}
        current_area: int | None = None
        current_text = ""
        for number, cells in self.table.rows:
            if all(self.cell(cells, key) is None for key in self.mapping):
                continue  # a blank row
            self.cells = cells
            problems_before = len(self.errors)
            raw_number = self.cell(cells, "area_number") if self.area_numbers is None else self.area_numbers.get(number)
            text = clean_text(self.cell(cells, "area_text"))
            if raw_number is None:
                # A plan that writes the area on its first row only: the rows below belong to it.
                if current_area is None or (text and current_text and text != current_text):
                    self.error(number, "area_number", "Expected an area number, such as 3")
                    continue
                area = current_area
            else:
                try:
                    area = parse_area_number(raw_number)
                except CellProblem as problem:
                    self.error(number, "area_number", str(problem))
                    continue
                if area != current_area:
                    current_text = ""
            text = text or current_text
            current_area, current_text = area, text
            area_rows.setdefault(area, number)
            if text:
                known = area_texts.get(area)
                if known is None:
                    area_texts[area] = (text, number)
                elif known[0] != text:
                    self.error(
                        number,
                        "area_text",
                        f"Area {area} has a different text on row {known[1]}. Give one text for each area.",
                    )
            row = self.read_action(number, cells, area, text)
            if row is not None and len(self.errors) == problems_before:
                rows.append(row)
        self.check_duplicates(rows)
        for key, numbers in self.coloured_rows.items():
            self.assumed.append(
                f"Ratings in {self.column(key)} are read from the cell's fill colour (red, amber, "
                f"green or blue) where the cell has no text: row{'s' if len(numbers) > 1 else ''} "
                f"{row_ranges(numbers)}."
            )
        return ReadRows(rows, area_texts, area_rows, self.errors, self.warnings, self.assumed)

    def read_action(self, number: int, cells: list, area: int, area_text: str) -> ImportRow | None:
        action_keys = [k for k in self.mapping if k not in ("area_number", "area_text")]
        if all(self.cell(cells, key) is None for key in action_keys):
            return None  # a heading row for the area, with no action on it
        values: dict = {}
        columns: dict = {}
        description = clean_text(self.cell(cells, "description"))
        if not description:
            self.error(number, "description", "Enter the action: this row has other cells but no action")
        values["description"], columns["description"] = description, self.column("description")
        for key in ("reference", "success_measure", "lead_officer"):
            if key in self.mapping:
                values[key], columns[key] = clean_text(self.cell(cells, key)), self.column(key)
        lead_agency = self.read_agency(number, cells, "lead_agency") or self.agency_in_lead_officer(values)
        plan_agency = self.read_agency(number, cells, "plan_agency") or self.plan_agency or lead_agency
        if lead_agency is not None:
            values["lead_agency"] = lead_agency
        elif plan_agency is None and self.cell(cells, "lead_agency") is None:
            self.error(
                number,
                "lead_agency",
                "Expected the lead agency: the cell is blank and no agency was chosen for the whole plan",
            )
        columns["lead_agency"] = self.column("lead_agency")
        timescale_completed = self.read_timescale(number, cells, values, columns)
        self.read_status(number, cells, values, columns)
        completed_hint = self.propose_completed(values, columns, timescale_completed)
        if "progress" in self.mapping:
            values["progress"], columns["progress"] = clean_text(self.cell(cells, "progress")), self.column("progress")
        if "completed_on" in self.mapping:
            columns["completed_on"] = self.column("completed_on")
            try:
                values["completed_on"] = parse_date(self.cell(cells, "completed_on"))
            except CellProblem as problem:
                self.error(number, "completed_on", str(problem))
        self.check_lengths(number, values, columns)
        if plan_agency is None:
            return None
        return ImportRow(number, area, area_text, plan_agency, values, columns, completed_hint)

    def propose_completed(self, values: dict, columns: dict, timescale_completed: bool) -> str:
        """With no status column, a Blue rating or a timescale of "Completed" says the action is done."""
        if "status" in values or "status" in self.mapping:
            return ""
        if values.get("rag") == Rag.BLUE:
            hint, column = "rated Blue", columns["rag"]
        elif timescale_completed:
            hint, column = f"timescale “{values.get('timescale_text', '')}”", columns["timescale_text"]
        else:
            return ""
        values["status"], columns["status"] = ActionStatus.COMPLETED, column
        return hint

    def check_lengths(self, number: int, values: dict, columns: dict) -> None:
        """Every text the database holds to a length is measured here, so that the confirmation never
        meets a database error (PostgreSQL refuses an over-long value; SQLite would keep it silently)."""
        for key, value in values.items():
            limit = max_length(key)
            if isinstance(value, str) and limit and len(value) > limit:
                column = columns[key] if key in columns else self.column(key)
                self.errors.append(Problem(number, column, too_long(value, limit)))

    def agency_in_lead_officer(self, values: dict) -> Agency | None:
        """A "Lead" cell that names a partner agency ("Arden Cluster", "Designated Nurse, Arden Cluster")
        makes it the lead agency, rather than the agency's name becoming the officer's role."""
        text = values.get("lead_officer", "")
        found = self.agencies.find_within(text) if text else None
        if found is None:
            return None
        agency, values["lead_officer"] = found
        if AGENCY_IN_LEAD_RULE not in self.assumed:
            self.assumed.append(AGENCY_IN_LEAD_RULE)
        return agency

    def read_agency(self, number, cells, key) -> Agency | None:
        text = clean_text(self.cell(cells, key))
        if not text:
            return None
        try:
            return self.agencies.match(text)
        except CellProblem as problem:
            self.error(number, key, str(problem))
            return None

    def read_timescale(self, number, cells, values, columns) -> bool:
        """A target date column wins over a timescale column; the timescale keeps the words.
        True when the timescale says the action is completed."""
        read = {}
        for key in ("timescale", "target_date"):
            if key in self.mapping:
                try:
                    read[key] = read_timescale(self.cell(cells, key))
                except CellProblem as problem:
                    if key == "timescale" and "target_date" in self.mapping:
                        # The target date column gives the date; the timescale is the plan's words.
                        read[key] = Timescale(None, clean_text(self.cell(cells, key)))
                        continue
                    self.error(number, key, str(problem))
                    return False
                if read[key].warning:
                    self.warn(number, key, read[key].warning)
        if not read:
            return False
        timescale, target = read.get("timescale"), read.get("target_date")
        date_source = target if target is not None and (target.date or timescale is None) else timescale
        values["target_date"] = date_source.date
        columns["target_date"] = self.column("target_date" if date_source is target else "timescale")
        values["timescale_text"] = (timescale or target).text
        columns["timescale_text"] = self.column("timescale" if timescale is not None else "target_date")
        return any(t.completed for t in read.values())

    def read_status(self, number, cells, values, columns) -> None:
        if "status" in self.mapping and self.cell(cells, "status") is not None:
            # (a blank status leaves the action's status as it is)
            try:
                values["status"], columns["status"] = parse_status(self.cell(cells, "status")), self.column("status")
            except CellProblem as problem:
                self.error(number, "status", str(problem))
        if "rag" in self.mapping:
            try:
                values["rag"], warning = read_rag(self.cell(cells, "rag"))
                columns["rag"] = self.column("rag")
                if self.cell(cells, "rag") is None:
                    values["rag"] = self.colour_rating(number, "rag") or values["rag"]
            except CellProblem as problem:
                self.error(number, "rag", str(problem))
            else:
                self.split_rating(number, "rag", warning)
        if "status_rag" in self.mapping:
            try:
                status, rag = parse_status_or_rag(self.cell(cells, "status_rag"))
            except CellProblem as problem:
                try:
                    (rag, warning), status = read_rag(self.cell(cells, "status_rag")), None
                except CellProblem:
                    self.error(number, "status_rag", str(problem))
                    return
                self.split_rating(number, "status_rag", warning)
            if self.cell(cells, "status_rag") is None:
                rag = self.colour_rating(number, "status_rag")
            if status is not None and "status" not in values:
                values["status"], columns["status"] = status, self.column("status_rag")
            if rag is not None and "rag" not in values:
                values["rag"], columns["rag"] = rag, self.column("status_rag")

    def check_duplicates(self, rows: list[ImportRow]) -> None:
        self.cells = []  # the message names both rows; no one cell is quoted
        seen: dict[tuple, int] = {}
        for row in rows:
            key = row.key()
            if key in seen:
                what = f"action {row.reference}" if row.reference else "this action"
                self.error(
                    row.row,
                    "reference" if row.reference else "description",
                    f"Area {row.area_number} has {what} twice (rows {seen[key]} and {row.row}). "
                    f"Give each action its own reference.",
                )
            else:
                seen[key] = row.row

    def colour_rating(self, number: int, key: str) -> str | None:
        """The rating a blank cell shows by its fill colour, if any; the preview lists the rows."""
        rating = rating_of_colour(self.table.fills.get((number, self.mapping[key]), ""))
        if rating:
            self.coloured_rows.setdefault(key, []).append(number)
        return rating

    def split_rating(self, number: int, key: str, warning: str) -> None:
        if warning:
            self.warn(number, key, warning)
            if SPLIT_RAG_RULE not in self.assumed:
                self.assumed.append(SPLIT_RAG_RULE)

    def error(self, number: int, key: str, message: str) -> None:
        value = self.cell(self.cells, key)
        quoted = quote(clean_text(value)) if value is not None else ""
        self.errors.append(Problem(number, self.column(key), message, "" if quoted in message else quoted))

    def warn(self, number: int, key: str, message: str) -> None:
        self.warnings.append(Problem(number, self.column(key), message))
