"""Admin autocomplete boxes that survive a tampered value.

The form already refuses a value that is not one of the choices; Django's AutocompleteSelect
then looks the refused value up again to redisplay it, and a value that is not a key at all
('abc', '1.5', a 30-digit number) crashes that lookup. Here such values are dropped before the
lookup, so the page comes back with the form's error next to an empty box."""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError

from .formtools import KeyedModelMultipleChoiceField


class UsableKeysMixin:
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._is_usable_key(v)], attr)

    def _is_usable_key(self, value) -> bool:
        if value in ("", None):
            return True
        remote = self.field.remote_field
        key_name = getattr(remote, "field_name", None)  # a many-to-many relation has none: the key is pk
        key_field = remote.model._meta.get_field(key_name) if key_name else remote.model._meta.pk
        try:
            key_field.run_validators(key_field.to_python(value))  # the database's integer range included
        except (ValidationError, TypeError, ValueError, OverflowError):
            return False
        return True


class SafeAutocompleteSelect(UsableKeysMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(UsableKeysMixin, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteAdminMixin:
    """For ModelAdmins and inlines with autocomplete_fields."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeyedModelMultipleChoiceField)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)
