"""Forms for the executive's response clock: the report's dates, and whom a recommendation is addressed to."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Submit
from django import forms

from scrutiny.core.formtools import date_field, date_input, gds_helper

from ..models import Recommendation
from ..services.recommendations import report_dates_errors
from .records import RecommendationAddForm


class ReportDatesForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report_to_committee_on"] = date_field("Date the report went to the committee")
        self.fields["report_received_on"] = date_field(
            "Date the executive received the report", help_text="The response clock starts. For example, 14/05/2012"
        )
        self.fields["committee_notice_on"] = date_field(
            "Date of the committee's notice, if later",
            help_text="Only if the committee's notice came after the report. For example, 14/05/2012",
        )
        self.helper = gds_helper(*[date_input(name) for name in self.fields], Submit("submit", "Save the dates"))

    def clean(self):
        cleaned = super().clean()
        for name, message in report_dates_errors(cleaned).items():
            if name not in self.errors:
                self.add_error(name, message)
        return cleaned


ADDRESSEE_HINTS = {
    Recommendation.AddresseeKind.COMMITTEE: (
        "When it asks the committee itself to act, as in \u201cTo consider and agree any actions\u201d. "
        "No response is expected from anyone: the committee's own decision and sign-off close it."
    ),
}


class RecommendationWithAddresseeForm(RecommendationAddForm):
    """Adds the kind of addressee, which sets the period it has to respond."""

    addressee_kind = forms.ChoiceField(
        label="Kind of addressee",
        help_text="Sets the period the addressee has to respond.",
        choices=[
            Choice(value, label, hint=ADDRESSEE_HINTS[value]) if value in ADDRESSEE_HINTS else (value, label)
            for value, label in Recommendation.AddresseeKind.choices
        ],
        widget=forms.RadioSelect,
        initial=Recommendation.AddresseeKind.EXECUTIVE,
        required=False,  # most are to the executive; older clients and scripts do not send it
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"] = date_field(
            "Date the addressee received it, if not with the report",
            help_text="Only if it was sent apart from the report, as to a partner body. For example, 14/05/2012",
        )
        submit = self.helper.layout.fields.pop()
        self.helper.layout.fields.extend([Field.radios("addressee_kind"), date_input("received_on"), submit])

    def clean_addressee_kind(self):
        return self.cleaned_data.get("addressee_kind") or Recommendation.AddresseeKind.EXECUTIVE
