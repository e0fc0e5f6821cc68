from django.contrib import admin
from django.template.loader import render_to_string
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    ActionPlan,
    Area,
    Evidence,
    Inspection,
    InspectionType,
    Inspectorate,
    Judgement,
    ProgressUpdate,
    TargetDateChange,
    Theme,
)


class JudgementInline(admin.TabularInline):
    model = Judgement
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "body_inspected", "when", "inspection_type", "plan_deadline"]
    list_filter = ["inspection_type"]
    list_select_related = ["inspection_type"]
    search_fields = ["title", "body_inspected"]
    filter_horizontal = ["inspectorates"]
    readonly_fields = ["plan_deadline"]
    inlines = [JudgementInline]

    @admin.display(description="action plan deadline")
    def plan_deadline(self, inspection):
        if inspection.pk is None:
            return "Worked out once the inspection is saved."
        return render_to_string("actionplan/_plan_deadline.html", {"inspection": inspection})


@admin.register(InspectionType)
class InspectionTypeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "rule_text", "rule_source"]
    search_fields = ["name", "code"]

    @admin.display(description="action plan due")
    def rule_text(self, inspection_type):
        return inspection_type.rule_text


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["number", "inspection", "theme", "raised_by"]
    list_filter = ["inspection", "theme"]
    search_fields = ["text"]
    list_select_related = ["inspection", "theme", "raised_by"]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "inspection", "based_on"]
    list_select_related = ["agency", "inspection"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "lead_agency", "status", "rag", "target_date"]
    list_filter = ["status", "rag", "lead_agency", "area__theme"]
    search_fields = ["description", "reference"]
    list_select_related = ["area", "lead_agency"]
    autocomplete_fields = ["lead_officer"]
    filter_horizontal = ["other_areas"]
    readonly_fields = ["version"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "created_at", "status", "rag", "author"]
    list_select_related = ["action__area", "author"]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "received_on", "area", "action"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "description"]
    list_select_related = ["area", "action__area"]


admin.site.register(Inspectorate, SimpleHistoryAdmin)
admin.site.register(Judgement, SimpleHistoryAdmin)
admin.site.register(Theme, SimpleHistoryAdmin)
admin.site.register(TargetDateChange, SimpleHistoryAdmin)
