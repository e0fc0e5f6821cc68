from django.apps import AppConfig


class CoreConfig(AppConfig):
    """No models: registered so that its template tags (the history panel) are found."""

    name = "scrutiny.core"
    label = "core"
    verbose_name = "Shared plumbing"

    def ready(self):
        # Deletes that would blank or unlink other records are refused on every path (see deletion).
        from . import deletion

        deletion.connect()
