"""Which column is which: the fields an import reads, the names plans give them, and the mapping."""

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # the header our export and template write
    synonyms: tuple[str, ...]
    hint: str = ""


# The order is the export's column order. Synonyms are compared after `normalise_header`.
FIELDS = (
    ImportField(
        "area_number",
        "Area number",
        (
            "area number",
            "area no",
            "area",
            "area ref",
            "afi",
            "afi no",
            "afi number",
            "ofsted para no",
            "para no",
            "paragraph",
            "paragraph number",
            "recommendation number",
            "recommendation no",
            "rec no",
        ),
        "The area for improvement's number in the inspection report.",
    ),
    ImportField(
        "area_text",
        "Area for improvement",
        (
            "area for improvement",
            "areas for improvement",
            "area text",
            "ofsted area for improvement",
            "area requiring improvement",
            "area requiring improvement recommendations",
            "recommendation",
            "inspection recommendation",
            "improvement area",
            "area of improvement",
            "finding",
        ),
        "Needed for an area the inspection does not have yet.",
    ),
    ImportField(
        "reference",
        "Action reference",
        (
            "action reference",
            "action ref",
            "ref",
            "ref no",
            "reference",
            "reference number",
            "no",
            "action no",
            "action number",
            "number",
        ),
        "The plan's own number for the action, such as 1.2.",
    ),
    ImportField(
        "description",
        "Action",
        (
            "action",
            "actions",
            "action text",
            "action required",
            "actions required",
            "action to be taken",
            "actions to be taken",
            "what we will do",
            "description",
            "action description",
        ),
    ),
    ImportField(
        "lead_agency",
        "Lead agency",
        (
            "lead agency",
            "agency",
            "responsible agency",
            "lead organisation",
            "organisation",
            "lead partner",
            "partner",
            "responsible organisation",
        ),
        "Written as the agency's name, short name or another name it is known by.",
    ),
    ImportField(
        "lead_officer",
        "Lead officer",
        (
            "lead officer",
            "officer",
            "responsible officer",
            "lead officer role",
            "lead person",
            "owner",
            "responsible person",
            "lead officer agency",
            "lead manager",
            "accountable officer",
            "responsibility",
            "responsible",
            "who",
        ),
        "A person's name, or a role such as Head of Safeguarding.",
    ),
    ImportField(
        "timescale",
        "Timescale",
        (
            "timescale",
            "timescales",
            "by when",
            "when",
            "timeframe",
            "time frame",
            "deadline",
        ),
        "As the plan words it: 31/10/2012, March 2013, Q3 2012/13 or Ongoing.",
    ),
    ImportField(
        "target_date",
        "Target date",
        (
            "target date",
            "target",
            "due date",
            "due",
            "date",
            "planned completion date",
            "target completion date",
            "completion target",
            "deadline date",
        ),
    ),
    ImportField(
        "success_measure",
        "Success measure",
        (
            "success measure",
            "measure of success",
            "measures of success",
            "how success will be measured",
            "success criteria",
            "outcome",
            "outcomes",
            "expected outcome",
            "monitoring and evaluation",
            "evidence of success",
            "measure",
            "measures",
            "how will we know",
            "how we will measure success",
        ),
    ),
    ImportField("status", "Status", ("status", "action status", "current status", "progress status")),
    ImportField("rag", "RAG", ("rag", "r a g", "rag status", "rag rating", "brag", "rating")),
    ImportField(
        "status_rag",
        "Status or RAG",
        ("status rag", "status and rag", "status or rag", "rag or status"),
        "A column that holds either a status or a RAG rating.",
    ),
    ImportField(
        "completed_on",
        "Completion date",
        (
            "completion date",
            "date completed",
            "completed on",
            "actual completion date",
            "date of completion",
            "completed date",
        ),
    ),
    ImportField(
        "plan_agency",
        "Action plan",
        ("action plan", "plan", "plan agency", "action plan of"),
        "Whose plan the action belongs to, when it is not the lead agency's.",
    ),
    ImportField(
        "progress",
        "Progress update",
        (
            "progress",
            "progress update",
            "progress updates",
            "progress to date",
            "update",
            "updates",
            "latest update",
            "update on progress",
            "commentary",
            "progress commentary",
            "comments",
            "comment",
            "current position",
            "position statement",
            "progress and impact",
            "progress against action",
            "evidence of progress",
            "progress against agreed action and impact monitoring",
            "progress against agreed action",
        ),
        "Becomes a progress update on the action, written by the importer.",
    ),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
REQUIRED = ("area_number", "description")
# "Lead" alone names the lead agency in some plans and the lead officer in others: the cells decide.
AMBIGUOUS_LEAD = "lead"
HEADER_SCAN_ROWS = 15


def normalise_header(text) -> str:
    text = str(text or "").lower().replace("&", " and ").replace("_", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


SYNONYMS = {synonym: f.key for f in FIELDS for synonym in f.synonyms}


def guess_field(header) -> str | None:
    """The field a header names; "RAG (March 2015)" and "Status (Q2)" name theirs with a note after them."""
    without_note = re.sub(r"\(.*?\)", " ", str(header or ""))
    return SYNONYMS.get(normalise_header(header)) or SYNONYMS.get(normalise_header(without_note))


def header_score(values) -> int:
    """How many cells of a row read as known headers: the header row scores highest."""
    names = {normalise_header(v) for v in values if v not in (None, "")}
    return sum(1 for name in names if name in SYNONYMS or name == AMBIGUOUS_LEAD)


def guess_mapping(
    headers: list[str], lead_is_agency: Callable[[int], bool], hidden: Collection[int] = ()
) -> dict[str, int]:
    """{field key: column index}. The first visible column that names a field takes it: a column the
    spreadsheet hides (an old rating kept next to the current one) is never guessed."""
    mapping: dict[str, int] = {}
    ambiguous = []
    for index, header in enumerate(headers):
        if index in hidden:
            continue
        if normalise_header(header) == AMBIGUOUS_LEAD:
            ambiguous.append(index)
            continue
        key = guess_field(header)
        if key and key not in mapping:
            mapping[key] = index
    for index in ambiguous:
        wanted = ["lead_agency", "lead_officer"] if lead_is_agency(index) else ["lead_officer", "lead_agency"]
        for key in wanted:
            if key not in mapping:
                mapping[key] = index
                break
    return mapping


def missing_required(mapping) -> list[ImportField]:
    """A plan that gives its areas only as text needs no area number: the import numbers them."""
    return [
        FIELDS_BY_KEY[key]
        for key in REQUIRED
        if key not in mapping and not (key == "area_number" and "area_text" in mapping)
    ]


def column_name(headers: list[str], index: int) -> str:
    """“By When” (column C): how errors name a column, as the user sees it in the spreadsheet."""
    header = headers[index] if index < len(headers) and headers[index] else ""
    letter = get_column_letter(index + 1)
    return f"“{header}” (column {letter})" if header else f"column {letter}"
