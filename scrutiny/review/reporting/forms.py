"""Filters for the members' lists. GET forms: a bad value gets an error next to its field and the
list is shown without that filter, never a server error."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils import timezone

from scrutiny.core.formtools import PlausibleDateField, gds_helper

from ..models import Meeting
from .dashboard import STALE_WEEKS_DEFAULT


class StaleWeeksForm(forms.Form):
    weeks = forms.IntegerField(
        label="No update for at least this many weeks",
        min_value=1,
        max_value=104,
        initial=STALE_WEEKS_DEFAULT,
        error_messages={
            "invalid": "Enter a whole number of weeks, like 8",
            "min_value": "Enter at least 1 week",
            "max_value": "Enter no more than 104 weeks",
            "required": "Enter a number of weeks",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("weeks", field_width=3))

    @property
    def chosen_weeks(self) -> int:
        return self.cleaned_data["weeks"] if self.is_bound and self.is_valid() else STALE_WEEKS_DEFAULT


class MomentForm(forms.Form):
    """A meeting of the review or a date: the moment a past view or a digest is measured from.

    `date_name` is the date's query parameter: "since" on the changes page, "date" on the past view."""

    meeting = forms.ChoiceField(
        label="A meeting of the review",
        required=False,
        error_messages={"invalid_choice": "Choose a meeting from the list"},
    )

    def __init__(self, *args, review, date_name="date", date_label="Or a date", **kwargs):
        super().__init__(*args, **kwargs)
        self.date_name = date_name
        self.meetings = {str(m.pk): m for m in Meeting.objects.filter(review=review).order_by("date")} if review else {}
        self.fields["meeting"].choices = [("", "Choose a meeting"), *[(k, str(m)) for k, m in self.meetings.items()]]
        self.fields[date_name] = PlausibleDateField(
            label=date_label,
            required=False,
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            help_text="For example, 2012-05-30",
            error_messages={"invalid": "Enter a real date, like 2012-05-30"},
        )
        self.helper = gds_helper("meeting", Field.text(date_name, field_width=10))

    def clean_meeting(self):
        value = self.cleaned_data["meeting"]
        if value and value not in self.meetings:
            raise forms.ValidationError("Choose a meeting from the list")
        return self.meetings.get(value)

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get(self.date_name)
        if value and value > timezone.localdate():
            self.add_error(self.date_name, "Enter a date that is today or in the past")
        return cleaned

    def chosen(self):
        """(meeting, date) from the valid fields; a date wins over a meeting when both are given."""
        if not self.is_bound or not self.is_valid():
            return None, None
        return self.cleaned_data.get("meeting"), self.cleaned_data.get(self.date_name)
