from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse

from ..forms import SignInForm
from ..permissions import works_for_one_agency


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(oidc_enabled=settings.OIDC_ENABLED, **kwargs)

    def get_default_redirect_url(self):
        # An officer's job starts from the actions their agency leads.
        if works_for_one_agency(self.request.user):
            return reverse("my_actions")
        return super().get_default_redirect_url()


class SignOutView(auth_views.LogoutView):
    pass
