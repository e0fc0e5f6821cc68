"""Importing an action plan from a spreadsheet (upload -> columns -> preview -> confirm -> done),
and exporting a plan, or a blank template, in the same layout."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from scrutiny.core.exports import export_response
from scrutiny.core.querystring import id_or_none
from scrutiny.core.writes import submit_form
from scrutiny.people.models import Agency
from scrutiny.people.permissions import capability_required, has_capability

from ..exports import PlanExport, PlanTemplate
from ..forms.imports import ColumnMappingForm, PlanUploadForm
from ..import_records import PlanImport
from ..importer import (
    Options,
    UnreadableFile,
    auto_mapping,
    build_preview,
    extension_of,
    missing_required,
    read_table,
)
from ..importer.notes import skipped_notes
from ..importer.remembered import remembered_mapping
from ..importer.storage import TOKEN, discard_upload, load_upload, save_upload
from ..models import Action, Area, Inspection, InspectionType
from ..services.plan_import import AlreadyImported, ImportRefused, apply_plan_import

SESSION_KEY = "plan_import"
RESULT_KEY = "plan_import_result"
PREVIEW_LIMIT = 200  # rows listed per kind on the preview; the counts are always complete
RESULT_LIMIT = 300


import_permission_required = capability_required("can_import")


class NoUpload(Exception):
    pass


def _pending(request) -> dict:
    state = request.session.get(SESSION_KEY)
    if not state:
        raise NoUpload
    return state


def _load_pending(request):
    """The pending upload read again: (state, table, options). NoUpload if it is gone."""
    state = _pending(request)
    try:
        table = read_table(load_upload(state["token"], state["ext"]), state["file_name"])
    except (FileNotFoundError, UnreadableFile):
        request.session.pop(SESSION_KEY, None)
        raise NoUpload from None
    inspection = Inspection.objects.filter(pk=state["inspection_id"]).first() if state["inspection_id"] else None
    if state["inspection_id"] and inspection is None:
        raise NoUpload
    new_type_id = state.get("new_type_id")  # absent from uploads begun before types existed
    options = Options(
        inspection=inspection,
        new_inspection_title=state["new_title"],
        new_inspection_body=state["new_body"],
        new_inspection_type=InspectionType.objects.filter(pk=new_type_id).first() if new_type_id else None,
        plan_agency=Agency.objects.filter(pk=state["plan_agency_id"]).first() if state["plan_agency_id"] else None,
        progress_date=datetime.date.fromisoformat(state["progress_date"]) if state.get("progress_date") else None,
        # Only administrators reach these pages: agencies the file names are proposed, created on confirmation.
        create_agencies=True,
    )
    return state, table, options


def _mapping(state) -> dict[str, int]:
    return {key: int(index) for key, index in state["mapping"].items()}


def _start_again(request):
    messages.info(request, "Upload the spreadsheet to import: the earlier upload is no longer available.")
    return redirect("plan_import")


@import_permission_required
@require_http_methods(["GET", "POST"])
def plan_import(request):
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    inspections = Inspection.objects.order_by("-start_date", "title")
    return submit_form(
        request,
        form,
        lambda form: _hold_upload(request, form),
        template="actionplan/import/upload.html",
        context={"inspections": inspections},
        success=None,
    )


def _hold_upload(request, form) -> str:
    """Keep the checked upload and what the person chose until the preview is confirmed; say where next."""
    old = request.session.get(SESSION_KEY)
    if old:
        discard_upload(old["token"], old["ext"])
    upload = form.cleaned_data["file"]
    ext = extension_of(upload.name)
    mapping = auto_mapping(form.table)
    progress_date = form.cleaned_data["progress_date"]
    remembered, mapping_note = remembered_mapping(
        form.table, form.cleaned_data["inspection"], form.cleaned_data["plan_agency"]
    )
    mapping = remembered or mapping
    request.session[SESSION_KEY] = {
        "token": save_upload(form.file_bytes, ext),
        "ext": ext,
        "file_name": upload.name[-200:],
        "inspection_id": form.cleaned_data["inspection"].pk if form.cleaned_data["inspection"] else None,
        "new_title": form.cleaned_data["new_inspection_title"].strip(),
        "new_body": form.cleaned_data["new_inspection_body"].strip(),
        "new_type_id": getattr(form.cleaned_data["new_inspection_type"], "pk", None),
        "plan_agency_id": form.cleaned_data["plan_agency"].pk if form.cleaned_data["plan_agency"] else None,
        "progress_date": progress_date.isoformat() if progress_date else "",
        "mapping": mapping,
        "mapping_note": mapping_note,
    }
    return reverse("plan_import_mapping" if missing_required(mapping) else "plan_import_preview")


@import_permission_required
@require_http_methods(["GET", "POST"])
def plan_import_mapping(request):
    try:
        state, table, _options = _load_pending(request)
    except NoUpload:
        return _start_again(request)
    form = ColumnMappingForm(request.POST or None, table=table, mapping=_mapping(state))

    def save(form):
        state["mapping"] = form.mapping
        state["mapping_note"] = ""  # the person's own choice now
        request.session[SESSION_KEY] = state
        return reverse("plan_import_preview")

    context = {
        "state": state,
        "table": table,
        "missing": missing_required(_mapping(state)),
        "skipped": skipped_notes(table, _mapping(state)),
    }
    return submit_form(request, form, save, template="actionplan/import/mapping.html", context=context, success=None)


@import_permission_required
@require_GET
def plan_import_preview(request):
    try:
        state, table, options = _load_pending(request)
    except NoUpload:
        return _start_again(request)
    if missing_required(_mapping(state)):
        return redirect("plan_import_mapping")
    preview = build_preview(table, _mapping(state), options, state["file_name"])
    return render(
        request,
        "actionplan/import/preview.html",
        {
            "preview": preview,
            "state": state,
            "limit": PREVIEW_LIMIT,
            "target_title": options.inspection.title if options.inspection else options.new_inspection_title,
        },
    )


@import_permission_required
@require_http_methods(["GET", "POST"])
def plan_import_confirm(request):
    if request.method == "GET":
        return redirect("plan_import_preview")
    try:
        state, table, options = _load_pending(request)
    except NoUpload:
        record = _imported_upload(request.POST.get("upload", ""))
        return _already_imported(request, record) if record else _start_again(request)
    try:
        result = apply_plan_import(
            actor=request.user,
            table=table,
            mapping=_mapping(state),
            options=options,
            file_name=state["file_name"],
            expected_digest=request.POST.get("digest", ""),
            token=state["token"],
        )
    except AlreadyImported as already:
        return _already_imported(request, already.record)
    except ImportRefused as refused:
        messages.error(request, str(refused))
        return redirect("plan_import_preview")
    discard_upload(state["token"], state["ext"])
    request.session.pop(SESSION_KEY, None)
    p = result.preview
    request.session[RESULT_KEY] = {
        "inspection_id": result.inspection.pk,
        "file_name": state["file_name"],
        "created": len(p.creates),
        "updated": len(p.updates),
        "unchanged": len(p.unchanged),
        "new_areas": len(p.new_areas),
        "area_changes": len(p.area_changes),
        "new_plans": len(p.new_plans),
    }
    messages.success(
        request,
        f"Imported {state['file_name']}: {len(p.creates)} action{'s' if len(p.creates) != 1 else ''} "
        f"created, {len(p.updates)} updated, {len(p.unchanged)} unchanged.",
    )
    return redirect("plan_import_done")


def _imported_upload(token: str) -> PlanImport | None:
    if not TOKEN.match(token or ""):
        return None
    return PlanImport.objects.filter(token=token, inspection__isnull=False).select_related("inspection").first()


def _already_imported(request, record: PlanImport):
    """A second press of the button, or the same preview confirmed in another tab: one import, and its result."""
    request.session.pop(SESSION_KEY, None)
    request.session[RESULT_KEY] = {
        "inspection_id": record.inspection_id,
        "file_name": record.file_name,
        "created": record.created_count,
        "updated": record.updated_count,
        "unchanged": record.unchanged_count,
        "new_areas": None,
    }
    messages.info(
        request,
        f"{record.file_name} was already imported, at {record.imported_at:%H:%M on %-d %B %Y}: "
        "nothing more was changed.",
    )
    return redirect("plan_import_done")


@import_permission_required
@require_GET
def plan_import_done(request):
    result = request.session.get(RESULT_KEY)
    inspections = Inspection.objects.select_related("inspection_type")
    inspection = inspections.filter(pk=result["inspection_id"]).first() if result else None
    if inspection is None:
        return redirect("plan_import")
    areas = list(Area.objects.filter(inspection=inspection).order_by("number"))
    actions = list(
        Action.objects.for_inspection(inspection)
        .select_related("area", "lead_agency")
        .order_by("area__number", "reference", "id")[:RESULT_LIMIT]
    )
    total = Action.objects.for_inspection(inspection).count()
    by_area: dict[int, list] = {}
    for action in actions:
        action.url = reverse("action_detail", args=[action.pk])
        by_area.setdefault(action.area_id, []).append(action)
    for area in areas:
        area.url = reverse("area_detail", args=[area.pk])
        area.imported_actions = by_area.get(area.pk, [])
    return render(
        request,
        "actionplan/import/done.html",
        {
            "result": result,
            "inspection": inspection,
            "areas": areas,
            "shown": len(actions),
            "total": total,
        },
    )


def _export_scope(request, inspection_id):
    """(inspection, agency or None). Officers export their own agency's plan only; others any."""
    inspection = get_object_or_404(Inspection, pk=inspection_id)
    user = request.user
    agency_id = request.GET.get("agency", "")
    if agency_id and id_or_none(agency_id) is None:
        raise Http404("No such agency")
    agency = get_object_or_404(Agency, pk=agency_id) if agency_id else None
    if has_capability(user, "can_export"):
        return inspection, agency
    if user.agency_id is None or (agency is not None and agency.pk != user.agency_id):
        raise Http404("No such plan")
    return inspection, user.agency


@login_required
@require_GET
def plan_export(request, inspection_id, fmt):
    inspection, agency = _export_scope(request, inspection_id)
    return export_response(PlanExport(inspection, agency), fmt)


@login_required
@require_GET
def plan_template(request, fmt):
    return export_response(PlanTemplate(), fmt)
