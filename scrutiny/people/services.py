"""Passwords: changed by their owner, reset through an e-mailed link, withdrawn by an administrator.

Each change is saved with its author, like every other change; history pages show that the
password changed, never its hash (scrutiny.history hides the field)."""

from axes.utils import reset as clear_sign_in_failures
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

RESET_SUBJECT = "Choose a new password for {service}"


@transaction.atomic
def set_new_password(*, actor, user, new_password: str, reason: str = "Password changed") -> None:
    """The form has already checked the password against the validators."""
    user.set_password(new_password)
    user._history_user = actor
    user._change_reason = reason
    user.save()
    # A new password, chosen by someone who knew the old one or holds the e-mailed link, lifts any lock.
    clear_sign_in_failures(username=user.username)


def reset_link(user) -> str:
    """Single use and expiring: the token is signed over the password hash and the last sign-in,
    and is valid for PASSWORD_RESET_TIMEOUT seconds."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path


def send_reset_email(user, *, required_by_administrator: bool = False) -> None:
    context = {
        "user": user,
        "link": reset_link(user),
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
        "required_by_administrator": required_by_administrator,
    }
    body = render_to_string("registration/password_reset_email.txt", context)
    send_mail(RESET_SUBJECT.format(service=settings.SERVICE_NAME), body, settings.DEFAULT_FROM_EMAIL, [user.email])


@transaction.atomic
def require_password_reset(*, actor, user) -> None:
    """The administrator's way to make someone choose their own password: the current one stops
    working at once and the person gets a reset link. If the mail cannot be sent, nothing changes."""
    if not user.email:
        raise ValidationError(f"{user.username} has no email address: add one first, so the link can reach them.")
    if not user.is_active:
        raise ValidationError(f"{user.username} is deactivated: restore the account first.")
    user.set_unusable_password()
    user._history_user = actor
    user._change_reason = "New password required by an administrator"
    user.save()
    # Signed over the new (unusable) password, so made after the save; an exception rolls it back.
    send_reset_email(user, required_by_administrator=True)
