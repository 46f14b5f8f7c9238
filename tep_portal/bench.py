"""The baseline of `make bench`: the cheapest page Django can serve.

Every middleware runs, the view returns a few bytes without touching the
database or a template. Each public page's throughput is reported as a ratio
of this one. Its URL exists only when TEP_BENCH is set (settings.BENCH_ENDPOINTS),
and the page cache skips it so the baseline is not itself a cache hit.
"""

from django.http import HttpResponse
from django.urls import path


def minimal(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench-minimal")]
