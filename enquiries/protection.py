"""Keeping bots and floods off the enquiry form without bothering people.

Three guards, all invisible to a person filling in the form:

- a signed form token, rendered into the form when it is shown. It carries a
  random submission id (so a refresh or double click is recognised and never
  stored twice) and the time the form was shown (so a post that comes back
  faster than a person can type is taken for a bot);
- a honeypot field people cannot see (see EnquiryForm.HONEYPOT_FIELD);
- a rate limit per client address, counted in the shared cache so that every
  app server sees the same count (Redis in production).
"""

import hashlib
import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from tep_portal.client_ip import client_ip

logger = logging.getLogger(__name__)

FORM_SIGNING_NAMESPACE = "partnerships.enquiry-form"
# A form left open longer than this is refused with a friendly "please send it again".
TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60
PERIOD_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


@dataclass(frozen=True)
class FormToken:
    submission_id: uuid.UUID
    issued_at: float

    def age(self, now=None):
        return (time.time() if now is None else now) - self.issued_at


def issue_form_token(*, issued_at=None, submission_id=None):
    """A signed value for the form's hidden field: a new submission id and the time it was shown."""
    payload = {
        "id": (submission_id or uuid.uuid4()).hex,
        "at": round(time.time() if issued_at is None else issued_at, 3),
    }
    return signing.dumps(payload, salt=FORM_SIGNING_NAMESPACE, compress=False)


def read_form_token(value):
    """The FormToken in a posted value, or None when it is missing, altered or malformed."""
    if not value or len(value) > 300:
        return None
    try:
        payload = signing.loads(value, salt=FORM_SIGNING_NAMESPACE)
        return FormToken(submission_id=uuid.UUID(hex=payload["id"]), issued_at=float(payload["at"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def is_token_expired(token):
    return token.age() > TOKEN_MAX_AGE_SECONDS


def is_filled_too_fast(token):
    minimum = settings.ENQUIRY_MIN_FILL_SECONDS
    return minimum > 0 and token.age() < minimum


@dataclass(frozen=True)
class RateLimit:
    count: int
    period_seconds: int


def parse_rate_limit(value):
    """ "5/10m" → RateLimit(5, 600); "off" → None. Periods: s, m, h, d ("1h" or "h")."""
    text = str(value).strip().lower()
    if text == "off":
        return None
    count, slash, period = text.partition("/")
    unit, amount = period[-1:], period[:-1] or "1"
    if not (slash and count.isdigit() and amount.isdigit() and unit in PERIOD_SECONDS):
        raise ImproperlyConfigured(f'ENQUIRY_RATE_LIMIT must look like "5/10m" or be "off", not {value!r}.')
    limit = RateLimit(int(count), int(amount) * PERIOD_SECONDS[unit])
    if limit.count < 1 or limit.period_seconds < 1:
        raise ImproperlyConfigured(f"ENQUIRY_RATE_LIMIT must allow at least one enquiry per period, not {value!r}.")
    return limit


@register()
def check_rate_limit_setting(app_configs, **kwargs):
    try:
        parse_rate_limit(settings.ENQUIRY_RATE_LIMIT)
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="enquiries.E001")]
    return []


class RateLimiter:
    """A fixed-window counter per client address in the default cache.

    cache.add + cache.incr are atomic in Redis and Memcached, so concurrent
    requests on several app servers never lose a count. The address is hashed
    with the secret key: the cache holds no readable IP addresses.
    """

    def __init__(self, request):
        self.limit = parse_rate_limit(settings.ENQUIRY_RATE_LIMIT)
        address = client_ip(request) or "unknown"
        self.client_key = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]

    def _window(self):
        now = int(time.time())
        start = now - now % self.limit.period_seconds
        return f"enquiry-rate:{self.client_key}:{start}", start + self.limit.period_seconds - now

    def is_exceeded(self):
        if self.limit is None:
            return False
        key, _remaining = self._window()
        try:
            return (cache.get(key) or 0) >= self.limit.count
        except Exception as exc:
            # Fails open: with the cache down, people can still send enquiries (README).
            logger.warning("Enquiry rate limit: cache unavailable (%s); not counted", type(exc).__name__)
            return False

    def hit(self):
        if self.limit is None:
            return
        key, remaining = self._window()
        try:
            # add() only sets the key when it is missing; the +1 s outlives the window edge safely.
            cache.add(key, 0, timeout=remaining + 1)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr: start the count again
                cache.add(key, 1, timeout=remaining + 1)
        except Exception as exc:
            # Called after an enquiry is stored: a cache that refuses the count must not turn it into a 500.
            logger.warning("Enquiry rate limit: could not count (%s)", type(exc).__name__)

    def retry_after_seconds(self):
        if self.limit is None:
            return 0
        return self._window()[1]
