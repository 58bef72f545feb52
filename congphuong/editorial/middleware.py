"""A publication refused by four-eyes: the admin says why and goes back, it does not show a bare 403.

Whatever was saved before the refusal (the page editor saves the revision first) stays saved, and
the workflow task stays where it was: a refused action never takes anything out of a queue.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .publishing import FourEyesRefusal


class FourEyesRefusalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, FourEyesRefusal):
            return None
        message = str(exception.args[0]) if exception.args else ""
        match = getattr(request, "resolver_match", None)
        if match is not None and "wagtailadmin_api" in (match.namespaces or []):
            return JsonResponse({"message": message}, status=403)
        messages.error(request, message)
        if request.method == "GET":
            back = request.META.get("HTTP_REFERER") or "wagtailadmin_home"
        else:
            back = request.get_full_path()
        if back != "wagtailadmin_home" and not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = "wagtailadmin_home"
        return redirect(back)
