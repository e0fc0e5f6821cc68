"""Changing and resetting passwords with Django's views, saved through the accounts service."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy

from .. import reset_limits
from ..forms.passwords import ChangePasswordForm, ChooseNewPasswordForm, ResetRequestForm
from ..services import send_reset_email, set_new_password


class ResetHoursMixin:
    def get_context_data(self, **kwargs):
        return super().get_context_data(reset_hours=settings.PASSWORD_RESET_TIMEOUT // 3600, **kwargs)


class ChangePasswordView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "registration/password_change_form.html"

    def form_valid(self, form):
        user = self.request.user
        set_new_password(actor=user, user=user, new_password=form.cleaned_data["new_password1"])
        # Keeps this session signed in; the user's other sessions end.
        update_session_auth_hash(self.request, user)
        messages.success(self.request, "Your password has been changed. Use the new one next time you sign in.")
        return HttpResponseRedirect(reverse("home"))


class ResetRequestView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        refusal = reset_limits.count_request(self.request, form.cleaned_data["email"])
        if refusal:
            form.add_error(None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        # The same answer whether or not an account has this address, so the page gives nothing away.
        for user in form.get_users(form.cleaned_data["email"]):
            send_reset_email(user)
        return HttpResponseRedirect(self.get_success_url())


class ResetSentView(ResetHoursMixin, auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class ChooseNewPasswordView(ResetHoursMixin, auth_views.PasswordResetConfirmView):
    form_class = ChooseNewPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        # The new hash makes the link's token invalid: the link works once.
        set_new_password(
            actor=self.user,
            user=self.user,
            new_password=form.cleaned_data["new_password1"],
            reason="Password changed with a reset link",
        )
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
