from django.urls import path

from .views import imports

urlpatterns = [
    path("import/", imports.plan_import, name="plan_import"),
    path("import/columns/", imports.plan_import_mapping, name="plan_import_mapping"),
    path("import/preview/", imports.plan_import_preview, name="plan_import_preview"),
    path("import/confirm/", imports.plan_import_confirm, name="plan_import_confirm"),
    path("import/done/", imports.plan_import_done, name="plan_import_done"),
    path("import/template.<str:fmt>", imports.plan_template, name="plan_template"),
    path("inspections/<int:inspection_id>/plan.<str:fmt>", imports.plan_export, name="plan_export"),
]
