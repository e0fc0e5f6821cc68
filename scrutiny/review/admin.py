from django.contrib import admin

from scrutiny.core.admin_widgets import SafeAutocompleteAdminMixin
from scrutiny.core.audited_admin import AuditedAdmin, ChangedOnItsPage, ViewOnly, ViewOnlyInline

from .models import (
    Attendance,
    Conclusion,
    InformationRequest,
    Meeting,
    MonitoringUpdate,
    NoteItem,
    Recommendation,
    ReminderSent,
    Review,
    ReviewArea,
    ReviewMembership,
)


class MembershipInline(SafeAutocompleteAdminMixin, admin.TabularInline):
    model = ReviewMembership
    extra = 0
    autocomplete_fields = ["person"]
    filter_horizontal = ["themes"]


class ReviewAreaInline(admin.TabularInline):
    model = ReviewArea
    extra = 0


@admin.register(Review)
class ReviewAdmin(ChangedOnItsPage, AuditedAdmin):
    list_display = ["title", "state", "commissioned_when", "reporting_committee"]
    inlines = [MembershipInline, ReviewAreaInline]
    page_fields = ("state", "interim_report_on", "final_report_on")

    def page_for(self, obj):
        return "review_stage_update", [obj.pk], "Change the review's stage on its page"


class AttendanceInline(SafeAutocompleteAdminMixin, ViewOnlyInline, admin.TabularInline):
    model = Attendance
    extra = 0


class NoteItemInline(ViewOnlyInline, admin.StackedInline):
    model = NoteItem
    extra = 0


# Meetings, their attendance and notes are run from the meeting's pages, where agreed notes are
# locked and reopening them needs a reason.
@admin.register(Meeting)
class MeetingAdmin(ViewOnly, AuditedAdmin):
    list_display = ["title", "number", "date", "theme", "notes_status"]
    list_filter = ["review", "notes_status", "theme"]
    inlines = [AttendanceInline, NoteItemInline]

    def page_for(self, obj):
        return "meeting_detail", [obj.review_id, obj.pk], "The meeting's page: schedule, attendance and notes"


def _meeting_page(obj):
    return (
        "meeting_detail",
        [obj.meeting.review_id, obj.meeting_id],
        "The meeting's page: schedule, attendance and notes",
    )


@admin.register(Attendance)
class AttendanceAdmin(ViewOnly, AuditedAdmin):
    list_display = ["person", "meeting", "capacity", "status"]
    page_for = staticmethod(_meeting_page)


@admin.register(NoteItem)
class NoteItemAdmin(ViewOnly, AuditedAdmin):
    list_display = ["__str__", "meeting", "area"]
    page_for = staticmethod(_meeting_page)


@admin.register(Conclusion)
class ConclusionAdmin(ViewOnly, AuditedAdmin):
    list_display = ["__str__", "judgement", "meeting", "reached_on"]
    list_filter = ["judgement", "review"]
    list_select_related = ["meeting", "action__area", "area"]

    def page_for(self, obj):
        return "conclusion_detail", [obj.review_id, obj.pk], "The conclusion's page"


@admin.register(InformationRequest)
class InformationRequestAdmin(ViewOnly, AuditedAdmin):
    list_display = ["__str__", "status", "raised_on", "due_by"]
    list_filter = ["status", "review"]
    list_select_related = ["asked_of_agency", "asked_of_person"]

    def page_for(self, obj):
        return "request_detail", [obj.review_id, obj.pk], "The request's page: answer or close it there"


@admin.register(Recommendation)
class RecommendationAdmin(ViewOnly, AuditedAdmin):
    list_display = ["__str__", "kind", "committee_decision", "implementation"]
    list_filter = ["kind", "committee_decision", "review"]

    def page_for(self, obj):
        return "recommendation_detail", [obj.review_id, obj.pk], "The recommendation's page"


@admin.register(MonitoringUpdate)
class MonitoringUpdateAdmin(ViewOnly, AuditedAdmin):
    list_display = ["__str__", "reported_on"]
    list_select_related = ["recommendation"]

    def page_for(self, obj):
        recommendation = obj.recommendation
        return "recommendation_detail", [recommendation.review_id, recommendation.pk], "The recommendation's page"


admin.site.register(ReviewMembership, AuditedAdmin)
admin.site.register(ReviewArea, AuditedAdmin)
admin.site.register(ReminderSent, AuditedAdmin)
