"""Filters for the lists of actions: My actions (one list across every inspection the user works on),
and the sorting every list of actions shares."""

import django_filters
from django.db.models import Case, F, IntegerField, Value, When

from scrutiny.people.models import Agency

from .models import Action, Area, Inspection, Theme


def _in_order(field, values):
    """A column sorted in its meaning's order (not started before in progress...), not the alphabet's."""
    return Case(
        *[When(**{field: value}, then=Value(i)) for i, value in enumerate(values)],
        default=Value(len(values)),
        output_field=IntegerField(),
    )


class ActionOrdering(django_filters.OrderingFilter):
    """Sorting a list of actions by a column (?sort=target, ?sort=-status...): the column headers link
    to it, and the list's filter form offers it. Undated and unrated actions go last either way; ties
    keep the plan's own order."""

    COLUMNS = {
        "area": ("area__number", "reference"),
        "action": ("reference",),
        "lead": ("lead_agency__short_name",),
        "target": ("target_date",),
        "status": (_in_order("status", [value for value, _ in Action.Status.choices]),),
        "rag": (_in_order("rag", ["red", "amber", "green", "blue"]),),
    }
    LABELS = {
        "target": ("Target date, earliest first", "Target date, latest first"),
        "area": ("Area, first to last", "Area, last to first"),
        "action": ("Action reference, first to last", "Action reference, last to first"),
        "lead": ("Lead agency, A to Z", "Lead agency, Z to A"),
        "status": ("Status, not started first", "Status, withdrawn first"),
        "rag": ("RAG, red first", "RAG, blue first"),
    }

    def __init__(self, *args, first=(), columns=None, **kwargs):
        self.first = first  # orderings that always come first (a list grouped by inspection)
        columns = columns or list(self.COLUMNS)
        choices = [(f"{sign}{c}", self.LABELS[c][i]) for c in columns for i, sign in enumerate(("", "-"))]
        kwargs.setdefault("label", "Sort by")
        super().__init__(*args, fields=[(c, c) for c in columns], choices=choices, empty_label=None, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        descending = value[0].startswith("-")
        expressions = []
        for part in self.COLUMNS[value[0].lstrip("-")]:
            expression = F(part) if isinstance(part, str) else part
            expressions.append(expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True))
        return qs.order_by(*self.first, *expressions, "area__number", "reference", "id")


class MyActionsFilter(django_filters.FilterSet):
    # Grouped by inspection first (newest first), then as chosen.
    BY_INSPECTION = (F("area__inspection__start_date").desc(nulls_last=True), "area__inspection_id")
    SORTS = {"target": (*BY_INSPECTION, F("target_date").asc(nulls_last=True), "area__number", "reference", "id")}

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
    sort = ActionOrdering(first=BY_INSPECTION)

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
