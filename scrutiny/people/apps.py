from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "scrutiny.people"
    verbose_name = "People and agencies"

    def ready(self):
        from scrutiny.core import deletion

        deletion.never_delete(
            self.get_model("User"), because="Users are deactivated, never deleted: their history must keep its author."
        )
