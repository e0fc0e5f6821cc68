"""People's forms: signing in (here) and passwords (`passwords`)."""

from crispy_forms_gds.layout import Field, Submit
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from scrutiny.core.formtools import gds_helper


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been deactivated. Ask an administrator to restore it.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        # Django's form sets the length after making the field, so nothing checks it: a longer name
        # would reach django-axes' record of the failure and overflow its column.
        limit = self.fields["username"].max_length
        self.fields["username"].validators.append(
            MaxLengthValidator(limit, f"Enter a username of {limit} characters or fewer")
        )
        self.helper = gds_helper(
            Field.text("username", field_width=20, autocomplete="username", spellcheck="false"),
            Field.text("password", field_width=20, autocomplete="current-password"),
            Submit("submit", "Sign in"),
        )
