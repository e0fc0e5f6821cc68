from django.apps import AppConfig


class CoreConfig(AppConfig):
    """No models: registered so that its template tags (the history panel) are found."""

    name = "scrutiny.core"
    label = "core"
    verbose_name = "Shared plumbing"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .security import start_session_clock

        # The 8-hour cap counts from sign-in, whatever the person does after.
        user_logged_in.connect(start_session_clock, dispatch_uid="scrutiny.start_session_clock")
