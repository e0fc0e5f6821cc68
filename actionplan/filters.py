"""Filters for the My actions list: one list across every inspection the user works on."""

import django_filters
from django.db.models import F

from scrutiny.people.models import Agency

from .models import Action, Area, Inspection, Theme


class MyActionsFilter(django_filters.FilterSet):
    # Grouped by inspection first (newest first), then as chosen.
    BY_INSPECTION = (F("area__inspection__start_date").desc(nulls_last=True), "area__inspection_id")
    SORTS = {
        "target": (*BY_INSPECTION, F("target_date").asc(nulls_last=True), "area__number", "reference", "id"),
        "-target": (*BY_INSPECTION, F("target_date").desc(nulls_last=True), "area__number", "reference", "id"),
        "area": (*BY_INSPECTION, "area__number", "reference", "id"),
    }

    inspection = django_filters.ModelChoiceFilter(
        label="Inspection",
        field_name="area__inspection",
        queryset=Inspection.objects.none(),
        empty_label="Every inspection",
    )

    agency = django_filters.ModelChoiceFilter(
        label="Lead agency",
        field_name="lead_agency",
        queryset=Agency.objects.order_by("name"),
        empty_label="All agencies",
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Action.Status.choices, empty_label="Any status")
    rag = django_filters.ChoiceFilter(
        label="RAG rating",
        choices=[("none", "Not rated")] + Action.Rag.choices[1:],
        empty_label="Any rating",
        method="filter_rag",
    )
    area = django_filters.ModelChoiceFilter(
        label="Area for improvement",
        queryset=Area.objects.select_related("inspection").order_by("inspection", "number"),
        empty_label="Any area",
    )
    theme = django_filters.ModelChoiceFilter(
        label="Theme", field_name="area__theme", queryset=Theme.objects.all(), empty_label="Any theme"
    )
    overdue = django_filters.ChoiceFilter(
        label="Overdue",
        choices=[("yes", "Overdue only"), ("no", "Not overdue")],
        empty_label="Overdue or not",
        method="filter_overdue",
    )
    due_soon = django_filters.ChoiceFilter(
        label="Due before the next meeting",
        choices=[("yes", "Due before the next meeting only")],
        empty_label="Due any time",
        method="filter_due_soon",
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[("target", "Target date, earliest first"), ("-target", "Target date, latest first"), ("area", "Area")],
        empty_label=None,
        method="sort_by",
    )

    class Meta:
        model = Action
        fields = ["inspection", "agency", "status", "rag", "area", "theme", "overdue", "due_soon"]

    def __init__(self, *args, show_agency=True, inspections=None, due_soon=None, **kwargs):
        """`due_soon`: the condition for "due before the next meeting", which the meetings (a layer
        above the plan) decide; without it the filter is not offered."""
        super().__init__(*args, **kwargs)
        self.due_soon_condition = due_soon
        if not show_agency:
            del self.filters["agency"]
        if due_soon is None:
            del self.filters["due_soon"]
        inspections = Inspection.objects.all() if inspections is None else inspections
        self.filters["inspection"].queryset = inspections
        self.filters["area"].queryset = (
            Area.objects.filter(inspection__in=inspections)
            .select_related("inspection")
            .order_by("inspection", "number")
        )

    @property
    def qs(self):
        queryset = super().qs
        # Sorting applies even when the sort field is not submitted (the default sort).
        if not self.is_bound or not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*self.SORTS["target"])
        return queryset

    def filter_rag(self, queryset, name, value):
        return queryset.filter(rag="" if value == "none" else value)

    def filter_overdue(self, queryset, name, value):
        overdue_ids = Action.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue_ids) if value == "yes" else queryset.exclude(pk__in=overdue_ids)

    def filter_due_soon(self, queryset, name, value):
        return queryset.filter(self.due_soon_condition) if value == "yes" else queryset

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*self.SORTS.get(value, self.SORTS["target"]))
