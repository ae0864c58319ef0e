from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.datastructures import MultiValueDict

from workplan.core.uploads import (
    UploadTooLarge,
    form_too_large_text,
    max_body_bytes,
    too_large_text,
)


class LanguageMiddleware:
    """Chinese unless the user chose otherwise: the language switch's cookie decides, never the
    browser's Accept-Language (an English-language browser on a campus PC must still get Chinese)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class HtmxVaryMiddleware:
    """Mark a response to an HTMX request as varying on `HX-Request`: a view may answer it with
    a fragment, which no cache may hand to a plain request for the same URL.
    Runs inside django-htmx's HtmxMiddleware, which sets `request.htmx`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.htmx:
            patch_vary_headers(response, ["HX-Request"])
        return response


class UploadLimitMiddleware:
    """Refuse an upload over WORKPLAN_MAX_UPLOAD_BYTES with a 413 page naming the limit, before
    its body is read when Content-Length gives it away, else as soon as the file handlers
    count past the limit. It reads a multipart body itself, ahead of the CSRF check, so that
    check never sees a half-read body and answers with a CSRF failure instead.

    A form whose text passes DATA_UPLOAD_MAX_MEMORY_SIZE (a plain form by its Content-Length,
    a multipart one as its fields are read) gets the same page naming that limit, where
    Django would answer a bare 400 (or the CSRF check a 403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"POST", "PUT", "PATCH"}:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > max_body_bytes():
                return self.refuse(request, too_large_text())
            form_limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if request.content_type == "multipart/form-data":
                try:
                    request.POST  # noqa: B018 — parsed here, with the limits in force
                except UploadTooLarge as exc:
                    return self.refuse(request, too_large_text(exc.name))
                except RequestDataTooBig:  # the fields beside the files, not the files
                    return self.refuse(request, form_too_large_text(), form=True)
            elif form_limit is not None and length > form_limit:
                return self.refuse(request, form_too_large_text(), form=True)
        return self.get_response(request)

    def refuse(self, request, message: str, *, form: bool = False):
        # The unread rest of the body must not be taken for a form by anything after this.
        request._post, request._files = QueryDict(), MultiValueDict()
        context = {"message": message, "form_text": form}
        return render(request, "413.html", context, status=413)
