from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from actionplan.models import Inspectorate

# The same stack as every page (middleware, session, signed-in user, base template and menu),
# with no content of its own: the floor every page is measured against.
MINIMAL = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}Minimal{% endblock %}'
    '{% block content %}<h1 class="govuk-heading-l">Minimal</h1>{% endblock %}'
)


@login_required
def minimal(request):
    return HttpResponse(MINIMAL.render({}, request))


@login_required
def bare(request):
    """No template at all: what the stack alone costs (middleware, session, signed-in user)."""
    return HttpResponse("<!doctype html><title>Bare</title><p>Bare</p>")


@csrf_exempt
@require_POST
@login_required
def touch(request):
    """Someone changes something: a save that writes a history row, so every kept page is rebuilt."""
    inspectorate = Inspectorate.objects.order_by("pk").first()
    inspectorate._history_user = request.user
    inspectorate.save()
    return HttpResponse(status=204)
