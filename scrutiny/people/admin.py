from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from scrutiny.core.audited_admin import AuditedAdmin

from .models import Agency, Person, User
from .services import require_password_reset

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
                self.message_user(
                    request,
                    f"{user.username} must now choose a new password: a link has been sent to {user.email}.",
                    messages.SUCCESS,
                )


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "job_title", "organisation", "agency"]
    search_fields = ["name", "job_title", "organisation"]
