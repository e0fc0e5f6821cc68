from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .import_records import PlanImport
from .models import (
    Action,
    ActionPlan,
    Agency,
    Area,
    Evidence,
    Inspection,
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
    list_display = ["title", "body_inspected", "when"]
    search_fields = ["title", "body_inspected"]
    filter_horizontal = ["inspectorates"]
    inlines = [JudgementInline]


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["number", "inspection", "theme", "raised_by"]
    list_filter = ["inspection", "theme"]
    search_fields = ["text"]
    list_select_related = ["inspection", "theme", "raised_by"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    search_fields = ["name", "short_name", "other_names"]


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


@admin.register(PlanImport)
class PlanImportAdmin(SimpleHistoryAdmin):
    list_display = ("file_name", "inspection", "imported_by", "imported_at", "created_count", "updated_count")
