"""Pages of a long list; templates/includes/pagination.html writes the links to the others."""

from django.core.paginator import Paginator


def paginate(request, items, per_page: int):
    return Paginator(items, per_page).get_page(request.GET.get("page"))
