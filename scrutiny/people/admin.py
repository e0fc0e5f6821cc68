from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from scrutiny.core.audited_admin import AuditedAdmin

from .models import Agency, Person, User

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny administration"


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "kind"]
    search_fields = ["name", "short_name", "other_names"]


# The role is the only privilege (staff and superuser follow it), so groups and per-user
# permissions, which the history would not record, are not offered.
admin.site.unregister(Group)
ROLE_FIELDSET = (
    "Role and access",
    {
        "fields": ["role", "agency", "person", "is_active"],
        "description": "The role decides what this person may do; only administrators use this admin site.",
    },
)


@admin.register(User)
class ScrutinyUserAdmin(UserAdmin, AuditedAdmin):
    list_display = ["username", "display_name", "role", "agency", "is_active"]
    list_filter = ["role", "agency", "is_active"]
    fieldsets = (
        (None, {"fields": ["username", "password"]}),
        ("Personal info", {"fields": ["first_name", "last_name", "email"]}),
        ROLE_FIELDSET,
        ("Dates", {"fields": ["date_joined", "last_login", "password_changed_at"]}),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (ROLE_FIELDSET,)
    readonly_fields = ["date_joined", "last_login", "password_changed_at"]
    filter_horizontal = []
    list_select_related = ["agency", "person"]

    def has_delete_permission(self, request, obj=None):
        # Deactivate instead: history must keep the people who wrote it.
        return False


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "job_title", "organisation", "agency"]
    search_fields = ["name", "job_title", "organisation"]
