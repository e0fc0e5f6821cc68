from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attendance,
    Conclusion,
    InformationRequest,
    Meeting,
    NoteItem,
    Person,
    Recommendation,
    ReminderSent,
    Review,
    ReviewArea,
    ReviewMembership,
    User,
)

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny administration"


@admin.register(User)
class ScrutinyUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "display_name", "role", "agency", "is_active"]
    list_filter = ["role", "agency", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Role", {"fields": ["role", "agency", "person"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Role", {"fields": ["role", "agency", "person"]}),)
    list_select_related = ["agency", "person"]

    def has_delete_permission(self, request, obj=None):
        # Deactivate instead: history must keep the people who wrote it.
        return False


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "job_title", "organisation", "agency"]
    search_fields = ["name", "job_title", "organisation"]


class MembershipInline(admin.TabularInline):
    model = ReviewMembership
    extra = 0
    autocomplete_fields = ["person"]
    filter_horizontal = ["themes"]


class ReviewAreaInline(admin.TabularInline):
    model = ReviewArea
    extra = 0


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["title", "state", "commissioned_when", "reporting_committee"]
    inlines = [MembershipInline, ReviewAreaInline]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person"]


class NoteItemInline(admin.StackedInline):
    model = NoteItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "number", "date", "theme", "notes_status"]
    list_filter = ["review", "notes_status", "theme"]
    filter_horizontal = ["areas", "evidence_considered"]
    inlines = [AttendanceInline, NoteItemInline]


@admin.register(Conclusion)
class ConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "judgement", "meeting", "reached_on"]
    list_filter = ["judgement", "review"]
    list_select_related = ["meeting", "action__area", "area"]


@admin.register(InformationRequest)
class InformationRequestAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "raised_on", "due_by"]
    list_filter = ["status", "review"]
    filter_horizontal = ["evidence"]
    list_select_related = ["asked_of_agency", "asked_of_person"]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "committee_decision", "implementation"]
    list_filter = ["kind", "committee_decision", "review"]


admin.site.register(ReviewMembership, SimpleHistoryAdmin)
admin.site.register(ReviewArea, SimpleHistoryAdmin)
admin.site.register(Attendance, SimpleHistoryAdmin)
admin.site.register(NoteItem, SimpleHistoryAdmin)
admin.site.register(ReminderSent, SimpleHistoryAdmin)
