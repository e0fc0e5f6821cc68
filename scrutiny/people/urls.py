from django.urls import path

from .views import passwords, session

urlpatterns = [
    path("session/extend/", session.session_extend, name="session_extend"),
    path("account/password/", passwords.ChangePasswordView.as_view(), name="password_change"),
    path("password-reset/", passwords.ResetRequestView.as_view(), name="password_reset"),
    path("password-reset/sent/", passwords.ResetSentView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", passwords.ChooseNewPasswordView.as_view(), name="password_reset_confirm"),
    path("password-reset/done/", passwords.ResetCompleteView.as_view(), name="password_reset_complete"),
]
