"""An evidence file, downloaded. Whoever may see the inspection may read its evidence, so the check
needs the reviews (who sits on which) as well as the plan: it lives above both, like the action page."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from actionplan.uploads import EXTENSION_BY_CONTENT_TYPE

from ..permissions import get_evidence_file_for_user


def download_name(evidence) -> str:
    """Ours, not the uploader's: nothing in it can reach a path or a header unescaped."""
    extension = EXTENSION_BY_CONTENT_TYPE.get(evidence.content_type, "bin")
    return f"evidence-{evidence.pk}-{slugify(evidence.title)[:60] or 'file'}.{extension}"


@login_required
@require_GET
def evidence_download(request, pk):
    evidence = get_evidence_file_for_user(request, pk)
    try:
        stored = evidence.file.open("rb")
    except FileNotFoundError as missing:
        # The record outlived its file (a restore without the uploads, say): say so, do not fail.
        raise Http404(
            "The file for this evidence is missing from storage. Ask an administrator to restore it."
        ) from missing
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=download_name(evidence),
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
