"""Forms for officers' updates and evidence. Rules that depend on the action live in the
services; the forms give each broken rule back to the person next to the field."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import HTML, Field, Fieldset, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from scrutiny.core.formtools import gds_helper, optional_choice, short_text
from scrutiny.people.models import Agency, Person

from ..models import Action, Evidence
from ..services.actions import update_rule_errors
from ..uploads import ACCEPT_ATTRIBUTE, ACCEPTED_TEXT, max_upload_text, validate_evidence_file


class DayMonthYearField(DateInputField):
    """GOV.UK date input whose errors say what is wrong in plain words."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(**kwargs)
        self.what = what
        self.error_messages["required"] = f"Enter the {what}"
        self.error_messages["incomplete"] = f"Enter the {what} as a day, month and year"
        for sub in self.fields:
            sub.validators = []

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = data_list
        try:
            value = datetime.date(int(year), int(month), int(day))
        except (TypeError, ValueError, OverflowError):  # a very long number in a box overflows date()
            raise ValidationError(
                f"The {self.what} must be a real date, for example 27 3 2026", code="invalid"
            ) from None
        if not 1900 <= value.year <= 2200:
            raise ValidationError(f"The {self.what} must be a real date, with a four-digit year", code="invalid")
        return value


def optional_date(what: str, label: str = "", **options) -> DayMonthYearField:
    """A date that may be left blank, typed as day, month and year; labelled after `what` unless said otherwise."""
    return DayMonthYearField(
        what=what, label=label or what.capitalize(), required=False, require_all_fields=False, **options
    )


def cancel_to_action() -> HTML:
    """The way back to the action's page, beside the button of each form about it."""
    return HTML(
        '<a class="govuk-link govuk-!-margin-left-3 cancel-link" href="{{ action.get_absolute_url }}">Cancel</a>'
    )


class ActionUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Status", choices=Action.Status.choices, widget=forms.RadioSelect)
    rag = forms.ChoiceField(label="RAG rating", choices=Action.Rag.choices, required=False, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Short update",
        required=False,
        widget=forms.Textarea,
        help_text="What has been done since the last update. Needed when you change the status or RAG rating.",
    )
    completed_on = optional_date(
        "completion date", help_text="Only used when the status is completed. For example, 27 3 2026."
    )
    new_target_date = optional_date("new target date")
    target_date_reason = forms.CharField(
        label="Why the target date is moving",
        required=False,
        widget=forms.Textarea,
        help_text="Needed when you give a new target date. Earlier dates stay on the action's page.",
    )
    # Shown only once a past date has been given: a slip of the year (2025 for 2026) would
    # otherwise land the action in the overdue figures unnoticed.
    confirm_past_target_date = forms.BooleanField(label="Yes, the date is in the past", required=False)

    def __init__(self, *args, action: Action, baseline=None, **kwargs):
        self.action = action
        # The state the person started editing from: the rules compare against it.
        self.baseline = baseline or action
        kwargs.setdefault(
            "initial",
            {
                "version": action.version,
                "status": action.status,
                "rag": action.rag,
                "completed_on": action.completed_on or timezone.localdate(),
            },
        )
        super().__init__(*args, **kwargs)
        current = (
            f"The current target date is {action.target_date:%-d %B %Y}."
            if action.target_date
            else "No target date is set yet."
        )
        self.fields["new_target_date"].help_text = f"{current} Leave this blank to keep it. For example, 27 3 2026."
        self.fields["status"].error_messages["required"] = "Choose the action's status"
        self.target_date_fieldset = Fieldset(
            Field("new_target_date"),
            Field.textarea("target_date_reason", rows=3),
            legend="Move the target date",
            legend_size=Size.MEDIUM,
        )
        self.helper = gds_helper(
            Field.radios("status", legend_size=Size.MEDIUM),
            Field.radios("rag", legend_size=Size.MEDIUM, small=True),
            Field.textarea("note", label_size=Size.MEDIUM, rows=4),
            Field("completed_on", context={"legend_size": Size.for_legend(Size.SMALL)}),
            self.target_date_fieldset,
            Submit("submit", "Save update"),
            cancel_to_action(),
        )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        completed = data["status"] in Action.COMPLETED_STATUSES
        if completed and not data.get("completed_on"):
            self.add_error("completed_on", "Enter the date the action was completed")
        errors = update_rule_errors(
            baseline=self.baseline,
            status=data["status"],
            rag=data.get("rag", ""),
            note=data.get("note", ""),
            completed_on=data.get("completed_on") if completed else None,
            new_target_date=data.get("new_target_date"),
            target_date_reason=data.get("target_date_reason", ""),
        )
        for field, message in errors.items():
            self.add_error(None if field == "__all__" else field, message)
        self._check_past_target_date(data)
        return data

    def _check_past_target_date(self, data):
        new_date = data.get("new_target_date")
        if not new_date or new_date >= timezone.localdate() or "new_target_date" in self.errors:
            return
        # The box stays on the page (ticked or not) for as long as the date is in the past.
        self.target_date_fieldset.fields.insert(1, Field.checkbox("confirm_past_target_date", small=True))
        if not data.get("confirm_past_target_date"):
            # On the date, not the box: the date is what may be wrong, and its boxes are outlined in red.
            self.add_error(
                "new_target_date",
                f"The new target date, {new_date:%-d %B %Y}, is in the past. Check the year, "
                'or tick "Yes, the date is in the past" if it is right',
            )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "expected_version": data["version"],
            "status": data["status"],
            "rag": data.get("rag", ""),
            "note": data.get("note", ""),
            "completed_on": data.get("completed_on"),
            "new_target_date": data.get("new_target_date"),
            "target_date_reason": data.get("target_date_reason", ""),
        }


class ConflictChoiceForm(forms.Form):
    REAPPLY, NOTE_ONLY, CANCEL = "reapply", "note_only", "cancel"
    resolution = forms.ChoiceField(
        label="What do you want to do?",
        choices=[
            (REAPPLY, "Apply my update on top of their changes"),
            (NOTE_ONLY, "Keep only my written update, and change none of the action's fields"),
            (CANCEL, "Cancel my update"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what to do with your update"},
    )
    seen_version = forms.IntegerField(widget=forms.HiddenInput)


class EvidenceFileMixin:
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        self.upload_kind = None
        if upload:
            self.upload_kind = validate_evidence_file(upload)
        return upload

    def service_arguments(self) -> dict:
        """The evidence services' arguments: each field under its own name, the file as the upload with
        the kind it was checked to be."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "file"}
        return {**data, "upload": self.cleaned_data["file"] or None, "upload_kind": self.upload_kind}


def received_on_field(label):
    return optional_date(
        "date received", label, help_text="Leave blank for today when the evidence is received. For example, 27 3 2026."
    )


def file_field():
    return forms.FileField(
        label="File",
        required=False,
        help_text=f"{ACCEPTED_TEXT}. The file must be smaller than {max_upload_text()}.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )


class EvidenceForm(EvidenceFileMixin, forms.Form):
    title = short_text("Title", max_length=300, missing="Enter a title for the evidence")
    kind = forms.ChoiceField(label="Kind of evidence", choices=Evidence.Kind.choices, initial=Evidence.Kind.DOCUMENT)
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea,
        help_text="What it shows. Without a file, say what was demonstrated or said.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=Evidence.Status.choices,
        initial=Evidence.Status.RECEIVED,
        widget=forms.RadioSelect,
        help_text="Attaching a file marks the evidence received.",
    )
    provided_by = optional_choice("Given by (person)", Person.objects.none(), "Not recorded")
    provided_by_agency = optional_choice("Given by (agency)", Agency.objects.none(), "Not recorded")
    requested_on = optional_date("date requested")
    received_on = received_on_field("Date given or received")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        # Built here so that the limit stated on the form follows the setting.
        self.fields["file"] = file_field()
        order = [
            "title",
            "kind",
            "file",
            "description",
            "status",
            "provided_by",
            "provided_by_agency",
            "requested_on",
            "received_on",
        ]
        self.fields = {name: self.fields[name] for name in order}
        self.fields["provided_by"].queryset = Person.objects.select_related("agency").order_by("name")
        self.fields["provided_by_agency"].queryset = Agency.objects.order_by("name")
        self.helper = gds_helper(
            Field.text("title"),
            Field.select("kind"),
            Field("file"),
            Field.textarea("description", rows=4),
            Field.radios("status", small=True, inline=True),
            Field.select("provided_by"),
            Field.select("provided_by_agency"),
            Field("requested_on"),
            Field("received_on"),
            Submit("submit", "Add evidence"),
            cancel_to_action(),
        )

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("file"))
        status = Evidence.Status.RECEIVED if has_file else data.get("status")
        if not has_file and status == Evidence.Status.RECEIVED:
            # Evidence given in the room (a demonstration, verbal evidence) still says who and what.
            if not data.get("description", "").strip() and "description" not in self.errors:
                self.add_error("description", "Without a file, describe what was demonstrated or said")
            if not (data.get("provided_by") or data.get("provided_by_agency")):
                self.add_error("provided_by", "Without a file, say who gave the evidence")
        _check_dates(self, data, status)
        return data


def _check_dates(form, data, status):
    requested, received = data.get("requested_on"), data.get("received_on")
    today = timezone.localdate()
    if requested and requested > today:
        form.add_error("requested_on", "The date requested must be today or in the past")
    if status == Evidence.Status.RECEIVED and received:
        if received > today:
            form.add_error("received_on", "The date received must be today or in the past")
        elif requested and received < requested:
            form.add_error("received_on", "The date received cannot be before the date requested")


class EvidenceChangeForm(EvidenceFileMixin, forms.Form):
    status = forms.ChoiceField(label="Status", choices=Evidence.Status.choices, widget=forms.RadioSelect)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    requested_on = optional_date("date requested")
    received_on = received_on_field("Date received")

    def __init__(self, *args, evidence, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": evidence.status,
                "description": evidence.description,
                "requested_on": evidence.requested_on,
                "received_on": evidence.received_on,
            },
        )
        super().__init__(*args, **kwargs)
        self.evidence = evidence
        self.fields["file"] = file_field()
        if evidence.file:
            self.fields["file"].label = "Replace the file"
        self.helper = gds_helper(
            Field.radios("status", small=True, inline=True),
            Field("file"),
            Field.textarea("description", rows=4),
            Field("requested_on"),
            Field("received_on"),
            Submit("submit", "Save evidence"),
            cancel_to_action(),
        )

    def clean(self):
        data = super().clean()
        status = Evidence.Status.RECEIVED if data.get("file") else data.get("status")
        _check_dates(self, data, status)
        return data
