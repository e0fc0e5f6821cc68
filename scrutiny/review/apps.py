from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "scrutiny.review"
    verbose_name = "Scrutiny review"

    def ready(self):
        # Many-to-many links a delete would silently drop: refused on every path (see scrutiny.core.deletion).
        from actionplan.models import Action, Area, Evidence
        from scrutiny.core.deletion import refuse_while_linked

        from .models import InformationRequest, Meeting, ReminderSent

        refuse_while_linked(
            Evidence, by=Meeting, lookup="evidence_considered", described_as="Meeting that considered it"
        )
        refuse_while_linked(
            Evidence, by=InformationRequest, lookup="evidence", described_as="Information request it answered"
        )
        refuse_while_linked(Area, by=Meeting, lookup="areas", described_as="Meeting that considered it")
        refuse_while_linked(Action, by=ReminderSent, lookup="actions", described_as="Reminder that listed it")
