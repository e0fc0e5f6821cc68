from django.contrib import admin
from django.template.loader import render_to_string

from scrutiny.core.admin_widgets import SafeAutocompleteAdminMixin
from scrutiny.core.audited_admin import AuditedAdmin, ChangedOnItsPage, ViewOnly

from .import_records import PlanImport
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
class InspectionAdmin(AuditedAdmin):
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
class InspectionTypeAdmin(AuditedAdmin):
    list_display = ["name", "code", "rule_text", "rule_source"]
    search_fields = ["name", "code"]

    @admin.display(description="action plan due")
    def rule_text(self, inspection_type):
        return inspection_type.rule_text


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = ["number", "inspection", "theme", "raised_by"]
    list_filter = ["inspection", "theme"]
    search_fields = ["text"]
    list_select_related = ["inspection", "theme", "raised_by"]


@admin.register(ActionPlan)
class ActionPlanAdmin(AuditedAdmin):
    list_display = ["title", "agency", "inspection", "based_on"]
    list_select_related = ["agency", "inspection"]


@admin.register(Action)
class ActionAdmin(SafeAutocompleteAdminMixin, ChangedOnItsPage, AuditedAdmin):
    list_display = ["__str__", "lead_agency", "status", "rag", "target_date"]
    list_filter = ["status", "rag", "lead_agency", "area__theme"]
    search_fields = ["description", "reference"]
    list_select_related = ["area", "lead_agency"]
    autocomplete_fields = ["lead_officer"]
    filter_horizontal = ["other_areas"]
    readonly_fields = ["version"]
    # A moved target date needs its reason and record, a status change its update: the action's page.
    page_fields = ("status", "rag", "target_date", "completed_on")

    def page_for(self, obj):
        return "action_update", [obj.pk], "Update this action (status, RAG rating, target date with its reason)"


def _action_page(obj):
    return "action_update", [obj.action_id], "The action's page, where updates and target dates are recorded"


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ViewOnly, AuditedAdmin):
    list_display = ["action", "created_at", "status", "rag", "author"]
    list_select_related = ["action__area", "author"]
    page_for = staticmethod(_action_page)


@admin.register(TargetDateChange)
class TargetDateChangeAdmin(ViewOnly, AuditedAdmin):
    list_display = ["action", "old_date", "new_date", "changed_by", "changed_at"]
    list_select_related = ["action__area", "changed_by"]
    page_for = staticmethod(_action_page)


@admin.register(Evidence)
class EvidenceAdmin(ViewOnly, AuditedAdmin):
    """Added, changed and removed on the action's pages, where uploads are checked and stored."""

    list_display = ["title", "kind", "status", "received_on", "area", "action"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "description"]
    list_select_related = ["area", "action__area"]

    def page_for(self, obj):
        if obj.action_id:
            return "evidence_edit", [obj.pk], "Change or remove this evidence on its page"
        return ("area_detail", [obj.area_id], "The area's page") if obj.area_id else None


admin.site.register(Inspectorate, AuditedAdmin)
admin.site.register(Judgement, AuditedAdmin)
admin.site.register(Theme, AuditedAdmin)


@admin.register(PlanImport)
class PlanImportAdmin(AuditedAdmin):
    list_display = ("file_name", "inspection", "imported_by", "imported_at", "created_count", "updated_count")
