"""The one way a page writes: bind the form, call the service, put the service's errors on the form,
say what happened, redirect.

Views build the form and a `save(form)` function that calls one service; `submit_form` does the rest,
so every page answers bad input the same way: errors next to the field, nothing half-saved, nothing
typed lost."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from .submissions import already_sent, claim, fresh_token, posted_token, release, remember

STILL_SAVING = (
    "This form was sent a moment ago and is still being saved. Check the page it leads to before sending it again."
)


class WriteRefused(Exception):
    """A write refused as a whole (into agreed, locked notes; into a closed review): said as a message
    on the page the person is sent back to (`back_to`), rather than as a field error."""

    back_to: str | None = None


class WriteRefusedMiddleware:
    """A write refused before any form is shown (a closed review's form pages) becomes the same
    message and redirect as one refused while saving, never an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, WriteRefused):
            messages.error(request, str(exception))
            return redirect(exception.back_to or "home")
        return None


def locked(record):
    """The record as it is now, its row locked until the transaction ends: two writes that cross wait for each
    other rather than one undoing the other."""
    return type(record).objects.select_for_update().get(pk=record.pk)


def save_audited(obj, *, actor, reason: str | None = None):
    """The last step of every service's write: check the record, name who made the change (and why)
    for its history row, save."""
    obj.full_clean()
    obj._history_user = actor
    if reason:
        obj._change_reason = reason
    obj.save()
    return obj


def delete_audited(obj, *, actor, reason: str | None = None) -> None:
    """The last step of a service's removal: name who removed the record (and why) for its history row, delete."""
    obj._history_user = actor
    if reason:
        obj._change_reason = reason
    obj.delete()


def add_service_errors(form, error: ValidationError) -> None:
    """A service refused the write after the form validated: show why next to the field it concerns,
    or above the form when it concerns no one field."""
    if hasattr(error, "error_dict"):
        for name, field_errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def posted(request):
    """The submitted data, even when empty, so that an empty POST shows errors rather than a blank form."""
    return request.POST if request.method == "POST" else None


def service_save(request, service: Callable[..., Any], **arguments) -> Callable[[Any], Any]:
    """The `save` most pages give `submit_form`: their one service, called as the person signed in, with
    these arguments and the form's answers (its `service_arguments()` where it has them, else its cleaned
    data). What the service returns is where the page goes next, unless `then` says otherwise."""

    def save(form):
        answers = form.service_arguments() if hasattr(form, "service_arguments") else form.cleaned_data
        return service(actor=request.user, **arguments, **answers)

    return save


def submit_form(
    request,
    form,
    save: Callable[[Any], Any],
    *,
    template: str,
    success: str | Callable[[Any], str] | None,
    then: Callable[[Any], Any] | None = None,
    context: dict | None = None,
    back_url: str | None = None,
) -> HttpResponse:
    """GET, or a POST that does not validate, shows `template` with the form.

    A valid POST calls `save(form)`. What it returns is where to go next (a URL, a model with
    `get_absolute_url`), or `then(result)` is; `success` is the message, or makes it from the result.
    A service's ValidationError goes on the form; a WriteRefused becomes an error message and leads
    to `back_url`. A `save` that answers with a page of its own (a conflict page) is shown as it is.

    Each form shown carries a one-time submission token (scrutiny/core/submissions.py): the same
    form sent twice is saved once, and the second sending is led where the first one went."""
    token = posted_token(request)
    if token and (sent_to := already_sent(token)):
        # The same form sent again (a double press, the back button): the first one was saved.
        messages.info(request, "This form had already been sent, so it was saved once. Nothing was saved again.")
        return redirect(sent_to)
    if request.method == "POST" and form.is_valid():
        if not claim(token):
            # The first sending of this very form is still being saved (a slow save, a double press).
            messages.info(request, STILL_SAVING)
        else:
            try:
                result = save(form)
            except WriteRefused as refused:
                release(token)
                messages.error(request, str(refused))
                return redirect(refused.back_to or back_url or request.path)
            except ValidationError as error:
                release(token)
                add_service_errors(form, error)
            except BaseException:
                release(token)
                raise
            else:
                if isinstance(result, HttpResponse):
                    release(token)  # a page of its own (a conflict): nothing was saved yet
                    return result
                if success:  # a step of a longer journey may have nothing to announce yet
                    messages.success(request, success(result) if callable(success) else success)
                response = redirect(then(result) if then else result)
                remember(token, response["Location"])
                return response
    form.submission_token = token or fresh_token()
    return render(request, template, {**(context or {}), "form": form})
