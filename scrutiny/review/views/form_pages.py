"""The review's form pages, said once. Each writes through the shared `submit_form`; these helpers add
which service writes, what the page shows and where it leads."""

from scrutiny.core.writes import service_save, submit_form

CLERK_FORM = "scrutiny/meetings/form.html"


def record_page(request, form, service, template, success, *, then=None, shows=None, **about):
    """A page whose one service writes about the records in `about` (the review, a recommendation, a
    request): they are the service's arguments beside the form's answers, and what `template` shows,
    with `shows`. The page leads where the service's result is, unless `then` says otherwise."""
    save = service_save(request, service, **about)
    context = {**about, **(shows or {})}
    return submit_form(request, form, save, template=template, success=success, then=then, context=context)


def form_page(request, form, save, *, title, success, back_url, caption="", intro="", extra_link=None):
    """The clerk's forms share one page layout, with a title, an optional introduction and the way back."""
    context = {"title": title, "caption": caption, "intro": intro, "back_url": back_url, "extra_link": extra_link}
    return submit_form(request, form, save, template=CLERK_FORM, success=success, context=context, back_url=back_url)


def meeting_form_page(request, meeting, form, write, *, back_url=None, then=None, **page):
    """A clerk's form about one meeting: `write(form)` calls the service, then the page leads to `then`.

    Both `back_url` and `then` are the meeting's page unless said otherwise; `then` follows `back_url`."""
    back_url = back_url or meeting.get_absolute_url()

    def save(form):
        write(form)
        return then or back_url

    return form_page(request, form, save, caption=str(meeting), back_url=back_url, **page)
