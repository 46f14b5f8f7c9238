"""Compressed responses, for exactly the clients that accept them.

`accepts_gzip()` reads Accept-Encoding as RFC 9110 section 12.5.3 defines it,
q-values included: "gzip;q=0" (or "*;q=0" with gzip not named) means the
client refuses gzip, which a plain search for the word "gzip" gets wrong.

`CompressionMiddleware` compresses every HTML (and other text) response that is
not compressed yet: the page cache stores its pages compressed already, so this
is for the pages it does not keep, such as the register form. Django's
GZipMiddleware does the work, including its BREACH mitigation (up to 100 random
bytes in the gzip header, so the length of a compressed page does not give away
a secret byte by byte); see README "Performance" for why that is enough here.
"""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

GZIP_CODINGS = {"gzip", "x-gzip"}


def _quality(parameters):
    for parameter in parameters:
        name, _sep, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value.strip())
            except ValueError:
                return 0.0  # a malformed weight is no permission
            return quality if 0 < quality <= 1 else 0.0
    return 1.0


def accepts_gzip(request):
    """Whether the request's Accept-Encoding allows a gzip-compressed answer."""
    header = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if "gzip" not in header.lower() and "*" not in header:
        return False
    gzip_quality = any_quality = None
    for item in header.split(","):
        coding, *parameters = item.split(";")
        coding = coding.strip().lower()
        if coding in GZIP_CODINGS:
            gzip_quality = max(gzip_quality or 0.0, _quality(parameters))
        elif coding == "*":
            any_quality = _quality(parameters)
    if gzip_quality is not None:
        return gzip_quality > 0
    return bool(any_quality)


class CompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, honouring q-values and leaving the admin alone.

    The admin is not compressed: its pages show enquirers' personal data next to
    text a request can put on the page (a search), the mix BREACH needs, and a
    handful of staff on office connections gain little from compression.
    """

    EXCLUDED_PREFIXES = ("/admin/",)

    def process_response(self, request, response):
        if request.path_info.startswith(self.EXCLUDED_PREFIXES):
            return response
        if not accepts_gzip(request):
            if not response.has_header("Content-Encoding") and (response.streaming or len(response.content) >= 200):
                patch_vary_headers(response, ("Accept-Encoding",))  # as the parent would: others may get gzip
            return response
        return super().process_response(request, response)
