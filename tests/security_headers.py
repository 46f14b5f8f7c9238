"""What CHECKLIST.md part (b) expects on every HTML response, for the in-process tests
(test_security.py) and the production server's (production/test_server.py)."""

EXPECTED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# Production only: development and tests run over plain HTTP.
HSTS = "max-age=63072000; includeSubDomains; preload"
EXPECTED_CSP = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def parse_csp(header):
    """{directive: sources} of a Content-Security-Policy header."""
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())
