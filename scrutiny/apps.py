from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scrutiny"
    verbose_name = "Scrutiny review"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .security import start_session_clock

        user_logged_in.connect(start_session_clock, dispatch_uid="scrutiny.start_session_clock")
