"""Forms of the import journey: the upload (file and where it goes) and the column mapping."""

from crispy_forms_gds.layout import Field, Fieldset, Size, Submit
from django import forms
from django.conf import settings
from django.utils import timezone

from scrutiny.core.formtools import date_input, gds_helper, optional_choice, short_text
from scrutiny.people.models import Agency

from ..importer import FIELDS, FIELDS_BY_KEY, Table, UnreadableFile, extension_of, missing_required, read_table
from ..importer.headers import column_name
from ..importer.reading import ACCEPTED, EXTENSIONS
from ..models import Inspection, InspectionType

IMPORT_MAX_BYTES = getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of the action plan",
        help_text="An Excel workbook (.xlsx, .xlsm or .xls), a LibreOffice spreadsheet (.ods) or a CSV file, "
        "up to 10 MB, with one action on each row.",
        error_messages={"required": "Choose the spreadsheet to import"},
    )
    inspection = optional_choice(
        "Inspection the plan answers",
        Inspection.objects.order_by("-start_date", "title"),
        "A new inspection (give its title below)",
    )
    new_inspection_title = short_text(
        "Title of the new inspection",
        max_length=300,
        help_text="Only for a new inspection, for example “Inspection of safeguarding and looked after children services”.",
    )
    new_inspection_body = short_text(
        "Body inspected",
        max_length=300,
        help_text="Only for a new inspection, for example “Warwickshire County Council”.",
    )
    new_inspection_type = optional_choice(
        "Type of the new inspection",
        InspectionType.objects.order_by("name"),
        "Not recorded yet",
        help_text="Only for a new inspection: it sets when the action plan is due. Add the report's date in "
        "Administration.",
    )
    plan_agency = optional_choice(
        "Whose action plan is it?",
        Agency.objects.order_by("name"),
        "Each action goes into its lead agency's plan",
        help_text="Choose an agency when the whole file is one agency's plan; rows with no lead agency are then theirs.",
    )

    progress_date = forms.DateField(
        label="Date of the progress updates",
        required=False,
        input_formats=["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"],
        help_text="When the file has a progress column: the date its updates were written, for example 31/7/2013. "
        "Leave blank for today.",
        error_messages={"invalid": "Enter the date as day/month/year, for example 31/7/2013"},
    )

    def __init__(self, *args, **kwargs):
        # Most imports refresh the plan already here: offer the latest inspection first.
        kwargs.setdefault("initial", {"inspection": Inspection.objects.order_by("-id").first()})
        super().__init__(*args, **kwargs)
        self.table: Table | None = None
        self.file_bytes = b""
        self.helper = gds_helper(
            Field("file"),
            Fieldset(
                Field.select("inspection"),
                Field.text("new_inspection_title"),
                Field.text("new_inspection_body", field_width=20),
                Field.select("new_inspection_type"),
                legend="Where the plan goes",
                legend_size=Size.MEDIUM,
            ),
            Field.select("plan_agency"),
            date_input("progress_date"),
            Submit("submit", "Upload and preview"),
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if extension_of(upload.name) not in EXTENSIONS:
            raise forms.ValidationError(f"The file must be {ACCEPTED}")
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 10 MB")
        if upload.size == 0:
            raise forms.ValidationError("The file is empty")
        self.file_bytes = upload.read()
        try:
            self.table = read_table(self.file_bytes, upload.name)
        except UnreadableFile as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload

    def clean_progress_date(self):
        date = self.cleaned_data["progress_date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError("The date of the progress updates must be today or in the past")
        return date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("inspection") is None:
            if not cleaned.get("new_inspection_title", "").strip():
                self.add_error("new_inspection_title", "Enter the title of the new inspection, or choose an inspection")
            if not cleaned.get("new_inspection_body", "").strip():
                self.add_error("new_inspection_body", "Enter the body inspected, or choose an inspection")
        elif cleaned.get("new_inspection_title", "").strip():
            self.add_error(
                "new_inspection_title",
                "Leave the title blank when you choose an existing inspection, or choose “A new inspection”",
            )
        elif cleaned.get("new_inspection_type") is not None:
            self.add_error(
                "new_inspection_type",
                "Leave the type as “Not recorded yet” when you choose an existing "
                "inspection: change its type in Administration",
            )
        return cleaned


NOT_IMPORTED = ""


class ColumnMappingForm(forms.Form):
    """One drop-down per column of the file: which of our fields it holds, if any."""

    def __init__(self, *args, table: Table, mapping: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        by_index = {index: key for key, index in mapping.items()}
        choices = [(NOT_IMPORTED, "Not imported")] + [(f.key, f.label) for f in FIELDS]
        sample = self.samples()
        for index, _header in enumerate(table.headers):
            name = column_name(table.headers, index)
            hint = f"First value: “{sample[index][:80]}”" if sample.get(index) else "The column's first rows are blank."
            hidden = " (hidden in the spreadsheet)" if index in table.hidden_columns else ""
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=f"Column {name}{hidden}",
                choices=choices,
                required=False,
                initial=by_index.get(index, NOT_IMPORTED),
                help_text=hint,
            )
        self.helper = gds_helper(*[Field.select(name) for name in self.fields], Submit("submit", "Use these columns"))

    def samples(self) -> dict[int, str]:
        found: dict[int, str] = {}
        for _number, cells in self.table.rows[:20]:
            for index, value in enumerate(cells):
                if index not in found and value not in (None, ""):
                    found[index] = str(value).strip()
        return found

    def clean(self):
        cleaned = super().clean()
        seen: dict[str, str] = {}
        for name, key in list(cleaned.items()):
            if not key:
                continue
            if key in seen:
                self.add_error(name, f"{FIELDS_BY_KEY[key].label} is already chosen for another column: choose it once")
            else:
                seen[key] = name
        missing = [f.label for f in missing_required(seen)]
        if missing:
            raise forms.ValidationError(f"Choose which column holds: {', '.join(missing)}")
        self.mapping = {key: int(name.removeprefix("column_")) for key, name in seen.items()}
        return cleaned
