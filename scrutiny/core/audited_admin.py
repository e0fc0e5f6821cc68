"""The admin keeps the same rules as the pages.

History never rewinds: simple-history's Revert is switched off everywhere (a revert would put an
action's version back, move a target date with no record, and bring back old sign-ins).

Records whose changes have rules (an action's status and target date, progress, evidence, meetings
and their notes, conclusions, requests, recommendations, the review's stage) are changed on their
own pages, through the services that apply those rules; the admin shows them read-only with a link
to that page.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .deletion import describe, relied_on_by


class AuditedAdmin(SimpleHistoryAdmin):
    """Every model's admin: history to read, never to revert."""

    def revert_disabled(self, request, obj=None):
        return True

    def get_deleted_objects(self, objs, request):
        # Many-to-many links that a delete would silently drop are shown, and refused, like PROTECT ones.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = [*protected, *(describe(obj, d) for obj in objs for d in relied_on_by(obj))]
        if protected:
            # Say what relies on the record, not that a view-only record it names cannot be deleted.
            perms_needed = set()
        return deleted, counts, perms_needed, protected

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied("History cannot be reverted: change the record itself, and the history keeps both.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class ChangedOnItsPage:
    """Mixin: show `page_fields` read-only once the record exists, with a link to the page that
    changes them. `page_for(obj)` gives (url name, args, link text), or None."""

    page_fields: tuple[str, ...] = ()

    def page_for(self, obj):
        raise NotImplementedError

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is None:
            return readonly
        return [*readonly, *(f for f in self.page_fields if f not in readonly), "where_to_change"]

    @admin.display(description="Where to change it")
    def where_to_change(self, obj):
        page = self.page_for(obj)
        if page is None:
            return "On the service's own pages; not here"
        name, args, text = page
        return format_html('<a href="{}">{}</a>', reverse(name, args=args), text)


class ViewOnlyInline:
    """Mixin for inlines of a view-only record: nothing is added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ViewOnly(ViewOnlyInline, ChangedOnItsPage):
    """Mixin: the whole record is changed on its page; the admin only shows it."""
