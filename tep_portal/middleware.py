"""Project-wide middleware: the security headers Django lacks, and a friendly 503 when the database is gone."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a client (or a crawler) is asked to wait before trying again after a 503.
RETRY_AFTER_SECONDS = 120

FALLBACK_503 = (
    "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Service unavailable</title>"
    "<h1>Service unavailable</h1><p>The site is having a short break. Please try again in a few minutes.</p>"
)


def permissions_policy_header(policy):
    """{"camera": [], "fullscreen": ["self"]} → 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items())


class SecurityHeadersMiddleware:
    """Cross-Origin-Resource-Policy and Permissions-Policy, which Django's SecurityMiddleware does not send."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.corp = settings.CROSS_ORIGIN_RESOURCE_POLICY
        self.permissions_policy = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.corp:
            response.headers.setdefault("Cross-Origin-Resource-Policy", self.corp)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class DatabaseUnavailableMiddleware:
    """A lost or refusing database answers 503 "try again shortly", not a 500.

    Views and templates that query the database raise OperationalError or
    InterfaceError when it is down or unreachable. The page is rendered without a
    request so no context processor (session, user, messages) can query again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # The exception text can name the host and database user: keep it out of the page, log the class only.
        logger.error("Database unavailable (%s) for %s %s", type(exception).__name__, request.method, request.path)
        return service_unavailable_response(is_submission=request.method == "POST")


def service_unavailable_response(*, is_submission=False, template_name="503.html", context=None, fallback=FALLBACK_503):
    """A 503 with Retry-After, rendered without the request so the page itself cannot query the failed database."""
    try:
        body = render_to_string(template_name, {"is_submission": is_submission, **(context or {})})
    except Exception:
        # The friendly page must never turn the outage into a 500; a bare page will do.
        logger.exception("Could not render %s", template_name)
        body = fallback
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
