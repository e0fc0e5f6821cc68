"""The links of the one GOV.UK pagination component (templates/includes/pagination.html): the page
numbers elided around the current one, each link keeping the page's other query parameters."""

from dataclasses import dataclass

from django import template

register = template.Library()

ON_EACH_SIDE = 1
ON_ENDS = 1


@dataclass(frozen=True)
class PageItem:
    number: int | None  # None for an ellipsis
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class PageLinks:
    previous: str
    next: str
    items: list


def page_links_for(page, query, param="page") -> PageLinks:
    """`query`: the request's GET parameters; only `param` changes from one link to the next."""
    query = query.copy()

    def href(number):
        query[param] = number
        return f"?{query.urlencode()}"

    paginator = page.paginator
    items = [
        PageItem(number, href(number), current=number == page.number) if isinstance(number, int) else PageItem(None)
        for number in paginator.get_elided_page_range(page.number, on_each_side=ON_EACH_SIDE, on_ends=ON_ENDS)
    ]
    return PageLinks(
        previous=href(page.previous_page_number()) if page.has_previous() else "",
        next=href(page.next_page_number()) if page.has_next() else "",
        items=items,
    )


@register.simple_tag(takes_context=True)
def page_links(context, page, page_param="page"):
    return page_links_for(page, context["request"].GET, page_param or "page")
