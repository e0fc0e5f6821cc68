"""Search across everything the person may see (see `reporting.search`)."""

from crispy_forms_gds.layout import Field, Size
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from scrutiny.core.formtools import gds_helper

from ..forms.search import SearchForm
from ..reporting.search import search
from ..reporting.search_kinds import KINDS_BY_KEY


@login_required
@require_safe
def search_page(request):
    """GET only: the address holds the question, so a search can be bookmarked, shared and sent back to."""
    form = SearchForm(request.GET if "q" in request.GET else None)
    form.helper = gds_helper(Field.text("q", label_size=Size.LARGE, label_tag="h1"))
    results = None
    if form.is_valid():
        only = request.GET.get("kind")
        results = search(
            request.user,
            form.cleaned_data["q"],
            only=only if only in KINDS_BY_KEY else None,
            page_number=request.GET.get("page"),
        )
    return render(request, "scrutiny/search/results.html", {"form": form, "results": results})
