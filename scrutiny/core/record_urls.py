"""The address of one kind of page for many records (a list's hundred links to action pages): Django's
reverse() matches the URL patterns anew for each, so the pattern is resolved once per URL name and the
ids are written into it."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# Stands for the n-th id while a pattern is resolved: nine digits, so no id's digits are mistaken for it.
_MARK = 987654320


@lru_cache(maxsize=256)
def _pieces(name: str, count: int, prefix: str, urlconf) -> tuple[str, ...]:
    """The URL's text around its ids: count + 1 pieces (positional ids come in the URL's order)."""
    pieces = [reverse(name, args=[_MARK + n for n in range(count)], urlconf=urlconf)]
    for n in range(count):
        head, _, tail = pieces.pop().partition(str(_MARK + n))
        pieces += [head, tail]
    return tuple(pieces)


def record_url(name: str, *ids) -> str:
    """What reverse(name, args=ids) gives, for URLs whose arguments are all record ids."""
    # True is an int to isinstance(); reverse() refuses it, and so must this.
    if not all(type(i) is int and i >= 0 for i in ids):
        return reverse(name, args=ids)
    pieces = _pieces(name, len(ids), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return pieces[0] + "".join(f"{record_id}{piece}" for record_id, piece in zip(ids, pieces[1:], strict=True))
