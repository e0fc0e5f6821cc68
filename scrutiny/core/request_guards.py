"""Two guards around every request: pages for signed-in people are never stored by browsers or
proxies, and an upload over the limit is refused from its Content-Length, before its body is read."""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string

NO_STORE = "private, no-store"


class NoStoreForSignedInMiddleware:
    """A shared computer's back button or disk cache must not show the plan, or a paper, to the next person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = NO_STORE
        return response


class UploadSizeLimitMiddleware:
    """Refuses a request body larger than UPLOAD_REQUEST_MAX_BYTES (the largest file accepted, plus room
    for the form's other fields) with a 413 page, from the Content-Length header alone.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, so without this a 100 MB upload is
    read, and written to a temporary file, before the form refuses it. A request sent without a
    length (chunked) is still limited by the form; the proxy in front should enforce the same limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.UPLOAD_REQUEST_MAX_BYTES:
            return self.too_large()
        return self.get_response(request)

    @staticmethod
    def too_large() -> HttpResponse:
        limit = filesizeformat(settings.EVIDENCE_MAX_UPLOAD_BYTES).replace("\xa0", " ")
        context = {"limit": limit, "council_name": settings.COUNCIL_NAME, "service_name": settings.SERVICE_NAME}
        # Rendered without the request: sessions and the signed-in user are not loaded yet.
        # No "Connection: close": WSGI (PEP 3333) forbids an application hop-by-hop headers, and the
        # development server refuses the response; the server decides about the unread body.
        return HttpResponse(render_to_string("errors/413.html", context), status=413)
