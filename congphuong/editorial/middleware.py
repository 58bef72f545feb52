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
            return JsonResponse({"message": message}, status=403, json_dumps_params={"ensure_ascii": False})
        messages.error(request, message)
        # Back where the user clicked (the editor, the dashboard); a POST without a referrer goes back
        # to the same address (the editor), as Wagtail's own refusals do.
        back = request.META.get("HTTP_REFERER") or (request.get_full_path() if request.method != "GET" else "")
        if not back or not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            return redirect("wagtailadmin_home")
        return redirect(back)
