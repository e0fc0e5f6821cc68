from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

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


def touch_an_action(user):
    """Someone changes something the pages show: an action's RAG rating, with its history row."""
    from actionplan.models import Action

    action = Action.objects.order_by("pk").first()
    action.rag = "red" if action.rag != "red" else "amber"
    action._history_user = user
    action.save()


@csrf_exempt
@require_POST
@login_required
def touch(request):
    """The change before each timed request, so that every timing is a first view after a change."""
    touch_an_action(request.user)
    return HttpResponse(status=204)
