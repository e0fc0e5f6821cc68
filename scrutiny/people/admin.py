from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Person, User

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny administration"


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    search_fields = ["name", "short_name", "other_names"]


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
