"""Forms for a recommendation's life after the response: the response, linked actions, updates, sign-off."""

from crispy_forms_gds.layout import Field, Submit
from django import forms
from django.utils import timezone
from django.utils.text import Truncator

from scrutiny.core.formtools import (
    KeyedModelMultipleChoiceField,
    LaidOutForm,
    date_field,
    date_input,
    long_text,
    optional_choice,
    short_text,
)
from scrutiny.people.models import Person

from ..models import Recommendation
from ..services.monitoring import response_record_errors


class ResponseForm(LaidOutForm):
    response = forms.ChoiceField(
        label="The executive's response",
        choices=[c for c in Recommendation.Response.choices if c[0]],
        widget=forms.RadioSelect,
        required=False,  # the shared rule says what is missing, next to the field
    )
    executive_response_on = date_field("Date of the response")
    executive_response = long_text("The response as given", rows=4)
    response_reasons = long_text("Reasons", rows=3, help_text="Needed when it was partly accepted or not accepted.")
    lead = optional_choice("Lead", Person.objects.order_by("name"), "No lead named")
    implementation_due_on = date_field("Implementation date")
    update_months = short_text(
        "Monitoring updates due, in months after the response",
        max_length=40,
        help_text="As the committee sets them, for example 6, 12.",
    )
    layout = (
        Field.radios("response"),
        date_input("executive_response_on"),
        Field.textarea("executive_response"),
        Field.textarea("response_reasons"),
        Field.select("lead"),
        date_input("implementation_due_on"),
        Field.text("update_months", field_width=10),
        Submit("submit", "Save the response"),
    )

    def __init__(self, *args, recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendation = recommendation

    def clean(self):
        cleaned = super().clean()
        if "executive_response_on" in self.errors:
            return cleaned
        for name, message in response_record_errors(cleaned, self.recommendation, timezone.localdate()).items():
            if name not in self.errors:
                self.add_error(name, message)
        return cleaned


class LinkActionsForm(LaidOutForm):
    actions = KeyedModelMultipleChoiceField(
        label="Actions that implement it",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. Clear them all to unlink every action.",
    )
    layout = (Field.checkboxes("actions", small=True), Submit("submit", "Save the linked actions"))

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["actions"]
        field.queryset = queryset
        field.label_from_instance = lambda action: (
            f"Action {action.reference or action.pk} (area {action.area.number}, {action.lead_agency.short_name}): "
            f"{Truncator(action.description).chars(120)}"
        )


class MonitoringUpdateForm(LaidOutForm):
    reported_on = date_field("Date of the update", required=True)
    text = long_text("What the update says", rows=5, missing="Enter what the update says")
    meeting = short_text(
        "Meeting it went to (optional)",
        max_length=200,
        help_text="For example, Children and Young People OSC, 4 March 2014.",
    )
    layout = (
        date_input("reported_on"),
        Field.textarea("text"),
        Field.text("meeting"),
        Submit("submit", "Add the update"),
    )


class SignOffForm(LaidOutForm):
    outcome = forms.ChoiceField(
        label="The committee's sign-off",
        choices=[c for c in Recommendation.SignOff.choices if c[0]],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose implemented, partly implemented, not implemented or superseded"},
    )
    signed_off_on = date_field("Date signed off", required=True)
    signed_off_at = short_text(
        "Meeting that signed it off",
        max_length=200,
        missing="Enter the meeting that signed it off",
        help_text="The committee and the date of its meeting, for example Children and Young People OSC, 4 March 2014.",
    )
    layout = (
        Field.radios("outcome"),
        date_input("signed_off_on"),
        Field.text("signed_off_at"),
        Submit("submit", "Sign it off"),
    )
