"""The columns of the last import of a plan, remembered, so that the next version of the same
spreadsheet needs no mapping: each field goes to the column with the header it had last time."""

from ..import_records import PlanImport
from .headers import normalise_header
from .reading import Table


def remembered_mapping(table: Table, inspection, plan_agency=None) -> tuple[dict[str, int] | None, str]:
    """(mapping, a sentence saying where it came from), or (None, "") when no import of this plan
    had the same headers for the fields it read."""
    if inspection is None:
        return None, ""
    imports = PlanImport.objects.filter(inspection=inspection).exclude(mapping={})
    last = (imports.filter(plan_agency=plan_agency).first() if plan_agency else None) or imports.first()
    if last is None:
        return None, ""
    headers = {}
    for index, header in enumerate(table.headers):
        headers.setdefault(normalise_header(header), index)
    mapping = {}
    for key, index in last.mapping.items():
        old_header = last.headers[index] if isinstance(index, int) and 0 <= index < len(last.headers) else ""
        if normalise_header(old_header) not in headers:
            return None, ""  # the layout changed: the headers are read afresh
        mapping[key] = headers[normalise_header(old_header)]
    return mapping, (
        f"The columns are read as in the last import of this plan, {last.file_name} on {last.imported_at:%-d %B %Y}."
    )
