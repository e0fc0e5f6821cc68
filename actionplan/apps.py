from django.apps import AppConfig


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = "Action plan"

    def ready(self):
        # Many-to-many links a delete would silently drop: refused on every path (see scrutiny.core.deletion).
        from scrutiny.core.deletion import refuse_while_linked

        from .models import Action, Area, Inspection, Inspectorate

        refuse_while_linked(Area, by=Action, lookup="other_areas", described_as="Action that also addresses it")
        refuse_while_linked(
            Inspectorate, by=Inspection, lookup="inspectorates", described_as="Inspection it took part in"
        )
