"""Pages of a long list, keeping the filters in the links."""

from django.core.paginator import Paginator


def paginate(request, items, per_page: int):
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    page.query_prefix = f"?{params.urlencode()}&" if params else "?"
    return page
