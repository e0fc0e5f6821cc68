"""Keeping a session alive from the timeout warning, and the page shown when a form's security
token has gone stale."""

import time

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from scrutiny.core.security import LAST_SEEN_KEY
from scrutiny.core.typed_work import restore_url, stash_post


@require_POST
def session_extend(request):
    """'Stay signed in': counts as activity. The CSRF check guards it like any other post."""
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401) if wants_json else redirect_to_login("/")
    request.session[LAST_SEEN_KEY] = time.time()
    if wants_json:
        return JsonResponse({"signed_in": True, "idle_seconds": settings.SESSION_IDLE_TIMEOUT})
    # Without JavaScript the dialog's form is an ordinary post: back to the page.
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    return HttpResponseRedirect(next_url)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: plain words instead of Django's bare page, and the typing kept.

    A post from another site (the Origin or Referer check failed) is not kept: it is not our
    user's typing. A stale token (the form was open across a sign-out and sign-in) is."""
    restore = None
    if request.method == "POST" and "Origin" not in reason and "Referer" not in reason:
        user_id = request.user.pk if request.user.is_authenticated else None
        token = stash_post(request, user_id=user_id)
        if token:
            restore = restore_url(request.path, token)
    return render(request, "errors/csrf.html", {"restore_url": restore}, status=403)
