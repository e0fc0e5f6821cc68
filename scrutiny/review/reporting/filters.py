"""The members' lists, one FilterSet each: the actions behind every dashboard figure, the information
requests, and the table of conclusions.

A GET form: a bad value gets an error next to its field and the list is shown without that filter
(django-filter leaves invalid fields out of `cleaned_data`), never a server error."""

import datetime

import django_filters
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.db.models import F
from django.utils import timezone

from actionplan.filters import ActionOrdering
from actionplan.models import Action, Area, Rag, Theme
from scrutiny.core.formtools import check_plausible_year, gds_helper
from scrutiny.people.models import Agency

from ..conclusions_table import NO_CONCLUSION, ConclusionPages, build_conclusions_table
from ..models import Conclusion
from .dashboard import RAG_TOKEN_NONE, stale_actions

CHOOSE = {"invalid_choice": "Choose from the list"}
PROGRESS_CHOICES = [
    ("open", "Open (not started or in progress)"),
    ("overdue", "Open and past the target date"),
    ("not_due", "Open, not yet due"),
    ("on_time", "Completed by the target date"),
    ("late", "Completed after the target date"),
    ("withdrawn", "Withdrawn"),
]


class MonthField(forms.CharField):
    """'2012-10' as the first day of that month."""

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        try:
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError("Enter a month as year and month, like 2012-10") from None
        check_plausible_year(month)
        return month


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, queryset, value):
        if not value:
            return queryset
        end = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return queryset.filter(target_date__gte=value, target_date__lt=end)


class InspectionActionFilter(django_filters.FilterSet):
    """Every filter a dashboard figure links to, over one inspection's actions."""

    status = django_filters.ChoiceFilter(
        label="Status", choices=Action.Status.choices, empty_label="Any", error_messages=CHOOSE
    )
    rag = django_filters.ChoiceFilter(
        label="RAG rating",
        choices=[(value or RAG_TOKEN_NONE, label) for value, label in Rag.choices],
        empty_label="Any",
        method="filter_rag",
        error_messages=CHOOSE,
    )
    progress = django_filters.ChoiceFilter(
        label="Progress against target date",
        choices=PROGRESS_CHOICES,
        empty_label="Any",
        method="filter_progress",
        error_messages=CHOOSE,
    )
    theme = django_filters.ChoiceFilter(
        label="Theme",
        empty_label="Any",
        method="filter_theme",
        error_messages={"invalid_choice": "Choose a theme from the list"},
    )
    agency = django_filters.ModelChoiceFilter(
        label="Lead agency",
        field_name="lead_agency",
        queryset=Agency.objects.all(),
        empty_label="Any",
        error_messages={"invalid_choice": "Choose an agency from the list"},
    )
    area = django_filters.ModelChoiceFilter(
        label="Area for improvement",
        queryset=Area.objects.none(),
        empty_label="Any",
        error_messages={"invalid_choice": "Choose an area from the list"},
    )
    due_month = MonthFilter(label="Due in month", help_text="For example, 2012-10 for October 2012")
    stale_weeks = django_filters.NumberFilter(
        label="No update for at least this many weeks",
        method="filter_stale",
        min_value=1,
        max_value=104,
        error_messages={
            "invalid": "Enter a whole number of weeks, like 8",
            "min_value": "Enter at least 1 week",
            "max_value": "Enter no more than 104 weeks",
        },
    )
    no_target = django_filters.BooleanFilter(
        label="Only actions with no target date", widget=forms.CheckboxInput, method="filter_no_target"
    )
    sort = ActionOrdering(error_messages=CHOOSE)

    def __init__(self, data=None, *, inspection, **kwargs):
        super().__init__(data, queryset=Action.objects.for_inspection(inspection), **kwargs)
        self.filters["area"].queryset = Area.objects.filter(inspection=inspection).order_by("number")
        themes = [(str(theme.pk), theme.name) for theme in Theme.objects.all()]
        self.filters["theme"].extra["choices"] = [(RAG_TOKEN_NONE, "No theme"), *themes]

    @property
    def form(self):
        form = super().form
        if not hasattr(form, "helper"):
            form.fields["area"].label_from_instance = lambda area: f"Area {area.number}"
            form.helper = gds_helper(
                "status",
                "rag",
                "progress",
                "theme",
                "agency",
                "area",
                Field.text("due_month", field_width=10),
                Field.text("stale_weeks", field_width=3),
                Field.checkbox("no_target", small=True),
                "sort",
                label_size=Size.SMALL,
            )
        return form

    def filter_rag(self, queryset, name, value):
        return queryset.filter(rag="" if value == RAG_TOKEN_NONE else value)

    def filter_theme(self, queryset, name, value):
        if value == RAG_TOKEN_NONE:
            return queryset.filter(area__theme__isnull=True)
        return queryset.filter(area__theme_id=value)

    def filter_stale(self, queryset, name, value):
        return stale_actions(queryset, int(value), timezone.localdate()) if value else queryset

    def filter_no_target(self, queryset, name, value):
        return queryset.filter(target_date__isnull=True) if value else queryset

    def filter_progress(self, queryset, name, value):
        today = timezone.localdate()
        if value == "open":
            return queryset.open()
        if value == "overdue":
            return queryset.overdue(today)
        if value == "not_due":
            return queryset.open().filter(target_date__gte=today)
        if value == "withdrawn":
            return queryset.filter(status=Action.Status.WITHDRAWN)
        completed = queryset.filter(status__in=Action.COMPLETED_STATUSES, target_date__isnull=False)
        if value == "on_time":
            return completed.filter(completed_on__lte=F("target_date"))
        return completed.filter(completed_on__gt=F("target_date"))


class InformationRequestFilter(django_filters.FilterSet):
    """The review's information requests by status; "overdue" is open and past its date."""

    STATUSES = {"open": "Open", "overdue": "Overdue", "answered": "Answered", "closed": "Closed"}

    status = django_filters.ChoiceFilter(choices=list(STATUSES.items()), method="filter_status")

    def filter_status(self, queryset, name, value):
        if value == "overdue":
            return queryset.overdue(timezone.localdate())
        return queryset.filter(status=value)

    @property
    def chosen_status(self) -> str:
        return self.form.cleaned_data.get("status") or "" if self.is_valid() else ""


class ConclusionTableFilter(django_filters.FilterSet):
    """The table of conclusions against each action (appendix F), over one review's plan.

    Theme and lead agency narrow the query. The group's judgement and "only where they disagree" narrow
    the rows once built: both follow from the rule for an action's current judgement and the wording of
    a disagreement, which live in one place (scrutiny.review.conclusions_table). The fields are chosen
    from lists, so a value no list offers (typed into the address) is left out, as if it were not there.
    """

    theme = django_filters.ModelChoiceFilter(
        label="Theme", field_name="area__theme", queryset=Theme.objects.all(), empty_label="All themes"
    )
    agency = django_filters.ModelChoiceFilter(
        label="Lead agency", field_name="lead_agency", queryset=Agency.objects.none(), empty_label="All agencies"
    )
    judgement = django_filters.ChoiceFilter(
        label="Group's judgement",
        choices=[*Conclusion.Judgement.choices, (NO_CONCLUSION, "No conclusion yet")],
        empty_label="Any judgement",
        method="on_the_rows",
    )
    disagreement = django_filters.ChoiceFilter(  # a checkbox whose value is "yes"
        choices=[("yes", "Only where officers and the group disagree")], method="on_the_rows"
    )

    def __init__(self, data=None, *, review, **kwargs):
        super().__init__(data, queryset=Action.objects.filter(area__inspection_id=review.inspection_id), **kwargs)
        self.review = review
        self.filters["agency"].queryset = (
            Agency.objects.filter(actions__area__inspection_id=review.inspection_id).distinct().order_by("name")
        )

    @property
    def form(self):
        form = super().form
        if not hasattr(form, "selects"):
            form.fields["agency"].label_from_instance = lambda agency: agency.short_name
            form.selects = [form[name] for name in ("theme", "agency", "judgement")]
            for select in form.selects:
                select.field.widget.attrs.update({"class": "govuk-select", "id": f"filter-{select.name}"})
        return form

    def on_the_rows(self, queryset, name, value):
        return queryset  # applied to the rows built: see `rows`

    @property
    def chosen(self) -> dict:
        self.is_valid()  # validates: a value no list offers is left out of cleaned_data
        return self.form.cleaned_data

    @property
    def areas(self):
        """The areas shown: of the chosen theme and, once an agency is chosen, only those where it leads actions."""
        areas = Area.objects.filter(inspection_id=self.review.inspection_id)
        if self.chosen.get("theme"):
            areas = areas.filter(theme=self.chosen["theme"])
        if self.chosen.get("agency"):
            areas = areas.filter(pk__in=self.qs.values("area"))
        return areas

    @property
    def rows(self):
        """The rows to page. Without a judgement or disagreement filter, a ConclusionPages: counted in SQL,
        each page's rows built when it is cut. With one, every row is built to be tested (a list)."""
        if not hasattr(self, "_rows"):
            judgement, disagreements_only = self.chosen.get("judgement") or "", self.chosen.get("disagreement") == "yes"
            if judgement or disagreements_only:
                self._rows = build_conclusions_table(
                    self.review,
                    areas=self.areas,
                    actions=self.qs,
                    judgement=judgement,
                    disagreements_only=disagreements_only,
                )
            else:
                self._rows = ConclusionPages(self.review, areas=self.areas, actions=self.qs)
        return self._rows

    @property
    def disagreement_count(self) -> int:
        rows = self.rows
        if isinstance(rows, ConclusionPages):
            return rows.disagreement_count()
        return sum(1 for row in rows if row.disagreement)
