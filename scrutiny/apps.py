from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scrutiny"
    verbose_name = "Scrutiny review"

    def ready(self):
        from . import deletion

        deletion.connect()
