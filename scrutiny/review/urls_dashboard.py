"""The members' pages of one review (under /reviews/<id>/): the dashboard and the lists behind it,
what changed, the plan as it stood, agencies side by side, a meeting's preparation pack."""

from django.urls import path

from .views.agencies import agencies_side_by_side
from .views.changes import changes_since
from .views.dashboard import dashboard, dashboard_actions, dashboard_evidence, dashboard_requests
from .views.past import plan_as_at_view
from .views.prep import prep_pack

urlpatterns = [
    path("dashboard/", dashboard, name="dashboard"),
    path("dashboard/actions/", dashboard_actions, name="dashboard_actions"),
    path("dashboard/evidence-awaited/", dashboard_evidence, name="dashboard_evidence"),
    path("dashboard/open-requests/", dashboard_requests, name="dashboard_requests"),
    path("changes/", changes_since, name="changes_since"),
    path("plan/as-at/", plan_as_at_view, name="plan_as_at"),
    path("meetings/<int:pk>/prepare/", prep_pack, name="prep_pack"),
    path("agencies/compare/", agencies_side_by_side, name="agencies_side_by_side"),
]
