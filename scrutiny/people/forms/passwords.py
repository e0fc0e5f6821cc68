"""Password change and reset forms, the GOV.UK way, with errors in plain words.

Their save() is never called: the views hand the new password to scrutiny.services.accounts, so that
the change is written with its author like every other change."""

from crispy_forms_gds.layout import Field, Submit
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model

from scrutiny.core.formtools import gds_helper

MISMATCH = "The two new passwords are different. Type the same new password in both boxes."


def _required(form, **messages):
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message


class NewPasswordMixin:
    def _new_password_fields(self):
        _required(self, new_password1="Enter a new password", new_password2="Enter the new password again")
        self.fields["new_password1"].label = "New password"
        self.fields[
            "new_password1"
        ].help_text = "At least 10 characters. Not a common password, not all numbers, not like your name or username."
        self.fields["new_password2"].label = "Type the new password again"
        return [
            Field.text("new_password1", field_width=20, autocomplete="new-password"),
            Field.text("new_password2", field_width=20, autocomplete="new-password"),
        ]


class ChangePasswordForm(NewPasswordMixin, auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Type the password you signed in with.",
        "password_mismatch": MISMATCH,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, old_password="Enter your current password")
        self.fields["old_password"].label = "Current password"
        self.helper = gds_helper(
            Field.text("old_password", field_width=20, autocomplete="current-password"),
            *self._new_password_fields(),
            Submit("submit", "Change password"),
        )


class ChooseNewPasswordForm(NewPasswordMixin, auth_forms.SetPasswordForm):
    error_messages = {**auth_forms.SetPasswordForm.error_messages, "password_mismatch": MISMATCH}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*self._new_password_fields(), Submit("submit", "Save new password"))


class ResetRequestForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "The address your account was set up with."
        self.fields["email"].error_messages.update(
            required="Enter your email address",
            invalid="Enter an email address in the right form, like name@example.org",
        )
        self.helper = gds_helper(
            Field.text("email", autocomplete="email", spellcheck="false"), Submit("submit", "Send the link")
        )

    def get_users(self, email):
        # Unlike Django's, people whose password an administrator has withdrawn (to require a reset)
        # can ask again when their first link has expired.
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True).exclude(email="")
