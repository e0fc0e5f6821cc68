from django.apps import AppConfig


class ReviewConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scrutiny.review"
    label = "review"
    verbose_name = "Scrutiny review"
