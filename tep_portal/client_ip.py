"""The address of the person making a request, for lockouts and rate limits.

Behind N trusted proxies each one appends the address it received the request
from to X-Forwarded-For, so the client is the N-th entry from the right.
Anything further left was written by the client and can be forged; REMOTE_ADDR
is the last proxy. Set DJANGO_TRUSTED_PROXY_COUNT to the number of proxies
(0, the default, trusts no header at all).
"""

from django.conf import settings


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote_addr
    # Fewer entries than proxies means a proxy did not append: the left-most one is the best we have.
    return forwarded[-min(proxies, len(forwarded))]
