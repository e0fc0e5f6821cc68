"""The glossary: what RAG, LAC, each status and the group's words mean."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..glossary import sections


@login_required
@require_GET
def glossary(request):
    return render(request, "scrutiny/glossary.html", {"sections": sections()})
