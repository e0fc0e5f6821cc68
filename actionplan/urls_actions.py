from django.urls import path

from .views import actions, evidence

urlpatterns = [
    path("actions/<int:pk>/update/", actions.action_update, name="action_update"),
    path("actions/<int:pk>/evidence/add/", evidence.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/change/", evidence.evidence_edit, name="evidence_edit"),
    path("evidence/<int:pk>/remove/", evidence.evidence_remove, name="evidence_remove"),
    path("evidence/<int:pk>/download/", evidence.evidence_download, name="evidence_download"),
]
