"""Bringing an action plan in from a spreadsheet: read, map the columns, preview, then apply
(the apply step is `actionplan.services.plan_import`)."""

from .headers import FIELDS, FIELDS_BY_KEY, REQUIRED, guess_mapping, missing_required
from .matching import AgencyMatcher
from .preview import Options, Preview, build_preview
from .reading import EXTENSIONS, Table, UnreadableFile, check_content, extension_of, read_table
from .rows import Problem
from .values import clean_text


def auto_mapping(table: Table, agencies: AgencyMatcher | None = None) -> dict[str, int]:
    """The mapping the headers suggest. A column headed just "Lead" is the lead agency when its
    cells all name agencies we know, and the lead officer otherwise."""
    agencies = agencies or AgencyMatcher()

    def lead_is_agency(index: int) -> bool:
        cells = [clean_text(cells[index]) for _n, cells in table.rows if index < len(cells)]
        cells = [c for c in cells if c]
        return bool(cells) and all(agencies.find(c) for c in cells)

    return guess_mapping(table.headers, lead_is_agency, hidden=set(table.hidden_columns))


__all__ = [
    "EXTENSIONS",
    "FIELDS",
    "FIELDS_BY_KEY",
    "REQUIRED",
    "Options",
    "Preview",
    "Problem",
    "Table",
    "UnreadableFile",
    "auto_mapping",
    "build_preview",
    "check_content",
    "extension_of",
    "missing_required",
    "read_table",
]
