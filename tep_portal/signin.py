"""Staff sign-in: a pause for one username attacked from many addresses.

django-axes locks a username *from one client* (an IPv4 address or an IPv6 /64,
tep_portal/client_ip.py) after AXES_FAILURE_LIMIT failures. Someone guessing
from many networks stays under that, so the username itself is watched too,
from axes' failure log (AccessFailureLog, one row per failure: its per-client
AccessAttempt rows are deleted once the cool-off has passed, so they cannot count
an hour): past SIGNIN_USERNAME_FREE_FAILURES failures within the hour, each
sign-in for that username waits a pause after the last failure, one minute
doubling with each further failure up to SIGNIN_USERNAME_MAX_DELAY (15 minutes).

It can never lock staff out for good: the pause ends by itself; a sign-in
refused during a pause is not checked and not counted, so an attacker cannot
lengthen it; and a staff member signing in from a client they have signed in
from before (axes' AccessLog, kept SIGNIN_LOG_RETENTION_DAYS) is not paused.

signin_records_purge deletes axes' records after SIGNIN_LOG_RETENTION_DAYS;
`manage.py purge_enquiries` (daily) runs it.
"""

import datetime
import math

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import ngettext

from .client_ip import client_group

FAILURE_WINDOW = datetime.timedelta(hours=1)
FIRST_PAUSE = datetime.timedelta(minutes=1)


def username_pause(username, client, *, now=None):
    """How long a sign-in for `username` from `client` must still wait, or None."""
    now = now or timezone.now()
    recent = AccessFailureLog.objects.filter(username=username, attempt_time__gte=now - FAILURE_WINDOW).aggregate(
        failures=Count("pk"), last=Max("attempt_time")
    )
    over = (recent["failures"] or 0) - settings.SIGNIN_USERNAME_FREE_FAILURES
    if over < 0:
        return None
    known = AccessLog.objects.filter(
        username=username,
        ip_address=client,
        attempt_time__gte=now - datetime.timedelta(days=settings.SIGNIN_LOG_RETENTION_DAYS),
    )
    if client and known.exists():
        return None
    pause = min(FIRST_PAUSE * 2 ** min(over, 20), settings.SIGNIN_USERNAME_MAX_DELAY)
    remaining = recent["last"] + pause - now
    return remaining if remaining > datetime.timedelta(0) else None


class SignInForm(AdminAuthenticationForm):
    """The admin's sign-in form, refusing a paused username before the password is checked."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username:
            pause = username_pause(username, client_group(self.request)) if self.request else None
            if pause:
                minutes = math.ceil(pause.total_seconds() / 60)
                raise ValidationError(
                    ngettext(
                        "Too many failed sign-ins for this account. Try again in %(minutes)d minute.",
                        "Too many failed sign-ins for this account. Try again in %(minutes)d minutes.",
                        minutes,
                    )
                    % {"minutes": minutes},
                    code="paused",
                )
        return super().clean()


def signin_records_purge(*, days, now=None):
    """Delete django-axes' records (sign-ins, failures, attempts) older than `days`: they hold
    staff addresses and usernames, kept only as long as they serve security. Returns the count."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted = 0
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        count, _by_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += count
    return deleted
