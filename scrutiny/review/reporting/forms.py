"""Filters for the members' lists. GET forms: a bad value gets an error next to its field and the
list is shown without that filter, never a server error."""

import datetime

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import timezone

from scrutiny.people.models import Agency
from actionplan.models import Action, Area, Rag, Theme

from scrutiny.core.formtools import PlausibleDateField, check_plausible_year, gds_helper
from ..models import Meeting
from .dashboard import RAG_TOKEN_NONE, STALE_WEEKS_DEFAULT, stale_actions

PROGRESS_CHOICES = [
    ("", "Any"),
    ("open", "Open (not started or in progress)"),
    ("overdue", "Open and past the target date"),
    ("not_due", "Open, not yet due"),
    ("on_time", "Completed by the target date"),
    ("late", "Completed after the target date"),
    ("withdrawn", "Withdrawn"),
]


class StaleWeeksForm(forms.Form):
    weeks = forms.IntegerField(
        label="No update for at least this many weeks", min_value=1, max_value=104, initial=STALE_WEEKS_DEFAULT,
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


CHOOSE = {"invalid_choice": "Choose from the list"}


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any"), *Action.Status.choices], error_messages=CHOOSE)
    rag = forms.ChoiceField(
        label="RAG rating", required=False,
        choices=[("", "Any"), *[(v or RAG_TOKEN_NONE, label) for v, label in Rag.choices]], error_messages=CHOOSE,
    )
    progress = forms.ChoiceField(label="Progress against target date", required=False, choices=PROGRESS_CHOICES,
                                 error_messages=CHOOSE)
    theme = forms.CharField(required=False, widget=forms.Select, label="Theme")
    agency = forms.ModelChoiceField(label="Lead agency", required=False, queryset=Agency.objects.all(), empty_label="Any",
                                    error_messages={"invalid_choice": "Choose an agency from the list"})
    area = forms.CharField(required=False, widget=forms.Select, label="Area for improvement")
    due_month = forms.CharField(label="Due in month", required=False, help_text="For example, 2012-10 for October 2012")
    stale_weeks = forms.IntegerField(
        label="No update for at least this many weeks", required=False, min_value=1, max_value=104,
        error_messages={"invalid": "Enter a whole number of weeks, like 8", "min_value": "Enter at least 1 week",
                        "max_value": "Enter no more than 104 weeks"},
    )
    no_target = forms.BooleanField(label="Only actions with no target date", required=False)

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.inspection = inspection
        self.areas = {str(a.pk): a for a in Area.objects.filter(inspection=inspection)}
        self.themes = {str(t.pk): t for t in Theme.objects.all()}
        self.fields["theme"].widget.choices = [("", "Any"), (RAG_TOKEN_NONE, "No theme"),
                                               *[(k, t.name) for k, t in self.themes.items()]]
        self.fields["area"].widget.choices = [("", "Any"), *[(k, f"Area {a.number}") for k, a in self.areas.items()]]
        self.helper = gds_helper(
            "status", "rag", "progress", "theme", "agency", "area",
            Field.text("due_month", field_width=10), Field.text("stale_weeks", field_width=3),
            Field.checkbox("no_target", small=True), label_size=Size.SMALL,
        )

    def clean_theme(self):
        value = self.cleaned_data["theme"]
        if value and value != RAG_TOKEN_NONE and value not in self.themes:
            raise forms.ValidationError("Choose a theme from the list")
        return value

    def clean_area(self):
        value = self.cleaned_data["area"]
        if value and value not in self.areas:
            raise forms.ValidationError("Choose an area from the list")
        return self.areas.get(value)

    def clean_due_month(self):
        value = self.cleaned_data["due_month"].strip()
        if not value:
            return None
        try:
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError("Enter a month as year and month, like 2012-10") from None
        check_plausible_year(month)
        return month

    def filter(self, actions):
        """Apply the filters that are valid; those with errors are left out (and shown as errors)."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
        today = timezone.localdate()
        if data.get("status"):
            actions = actions.filter(status=data["status"])
        if data.get("rag"):
            actions = actions.filter(rag="" if data["rag"] == RAG_TOKEN_NONE else data["rag"])
        if data.get("theme"):
            actions = actions.filter(area__theme__isnull=True) if data["theme"] == RAG_TOKEN_NONE else actions.filter(area__theme_id=data["theme"])
        if data.get("agency"):
            actions = actions.filter(lead_agency=data["agency"])
        if data.get("area"):
            actions = actions.filter(area=data["area"])
        if data.get("due_month"):
            start = data["due_month"]
            end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            actions = actions.filter(target_date__gte=start, target_date__lt=end)
        if data.get("stale_weeks"):
            actions = stale_actions(actions, data["stale_weeks"], today)
        if data.get("no_target"):
            actions = actions.filter(target_date__isnull=True)
        return self._filter_progress(actions, data.get("progress"), today)

    @staticmethod
    def _filter_progress(actions, progress, today):
        from django.db.models import F

        if not progress:
            return actions
        if progress == "open":
            return actions.open()
        if progress == "overdue":
            return actions.overdue(today)
        if progress == "not_due":
            return actions.open().filter(target_date__gte=today)
        if progress == "withdrawn":
            return actions.filter(status=Action.Status.WITHDRAWN)
        completed = actions.filter(status__in=Action.COMPLETED_STATUSES, target_date__isnull=False)
        if progress == "on_time":
            return completed.filter(completed_on__lte=F("target_date"))
        return completed.filter(completed_on__gt=F("target_date"))


class MomentForm(forms.Form):
    """A meeting of the review or a date: the moment a past view or a digest is measured from.

    `date_name` is the date's query parameter: "since" on the changes page, "date" on the past view."""

    meeting = forms.ChoiceField(label="A meeting of the review", required=False,
                                error_messages={"invalid_choice": "Choose a meeting from the list"})

    def __init__(self, *args, review, date_name="date", date_label="Or a date", **kwargs):
        super().__init__(*args, **kwargs)
        self.date_name = date_name
        self.meetings = {str(m.pk): m for m in Meeting.objects.filter(review=review).order_by("date")} if review else {}
        self.fields["meeting"].choices = [("", "Choose a meeting"), *[(k, str(m)) for k, m in self.meetings.items()]]
        self.fields[date_name] = PlausibleDateField(
            label=date_label, required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"],
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
