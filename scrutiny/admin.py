from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
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
from .admin_widgets import SafeAutocompleteAdminMixin
from .services.accounts import require_password_reset

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny administration"


@admin.register(User)
class ScrutinyUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "display_name", "role", "agency", "is_active"]
    list_filter = ["role", "agency", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Role", {"fields": ["role", "agency", "person"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Role", {"fields": ["role", "agency", "person"]}),)
    list_select_related = ["agency", "person"]
    actions = ["require_new_password"]

    def has_delete_permission(self, request, obj=None):
        # Deactivate instead: history must keep the people who wrote it.
        return False

    @admin.action(description="Require a new password (the old one stops working; a reset link is e-mailed)")
    def require_new_password(self, request, queryset):
        for user in queryset:
            try:
                require_password_reset(actor=request.user, user=user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, f"{user.username} must now choose a new password: "
                                  f"a link has been sent to {user.email}.", messages.SUCCESS)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "job_title", "organisation", "agency"]
    search_fields = ["name", "job_title", "organisation"]


class MembershipInline(SafeAutocompleteAdminMixin, admin.TabularInline):
    model = ReviewMembership
    extra = 0
    autocomplete_fields = ["person"]


class ReviewAreaInline(admin.TabularInline):
    model = ReviewArea
    extra = 0


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["title", "state", "commissioned_when", "reporting_committee"]
    inlines = [MembershipInline, ReviewAreaInline]


class AttendanceInline(SafeAutocompleteAdminMixin, admin.TabularInline):
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
