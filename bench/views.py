from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines

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
