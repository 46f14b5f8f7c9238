import logging

from django import db
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """For the load balancer: 200 when this process can reach the database, 503 when it cannot.

    Exempt from the HTTPS redirect (SECURE_REDIRECT_EXEMPT) and never cached, so
    every probe measures this server now.
    """
    try:
        with db.connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except db.Error as exc:  # OperationalError, InterfaceError, …
        logger.error("Health check: database unavailable (%s)", type(exc).__name__)
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
