"""What happens to an enquiry: it is stored once, emailed after commit, moved
through the review workflow, and in the end anonymised, exported or erased.

Views and the admin call these functions; they do not save enquiries themselves.
Logs name the enquiry by its reference and errors by their class only: no
names, addresses or message text reach the logs.
"""

import datetime
import logging
import re
from functools import partial

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tep_portal.models import Organisation
from tep_portal.text import join_list, staff_name

from .choices import EnquirySide, EnquiryStatus
from .models import (
    PERSONAL_FIELDS,
    SUBMITTED_FIELDS,
    EnquiryNote,
    EnquiryStatusChange,
    PartnershipEnquiry,
)

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = 150
REFERENCE = re.compile(r"TEP-[0-9]{4}-[0-9]+")


def enquiry_submit(*, data, submission_id, language):
    """Store a validated enquiry (`data`: an enquiry form's cleaned_data, its side included), once
    per submission id, and queue its two emails for after the commit. Returns (enquiry, created);
    a repeated submission id (refresh, double click, retry) returns the enquiry stored the first time."""
    existing = PartnershipEnquiry.objects.for_submission(submission_id)
    if existing is not None:
        return existing, False
    enquiry = PartnershipEnquiry(
        submission_token=submission_id,
        side=data["side"],
        language=language,
        privacy_agreed_at=timezone.now(),
        **{name: data[name] for name in SUBMITTED_FIELDS},
    )
    enquiry.set_interests(data["interests"])
    # The database enforces uniqueness and the constraints; the form checked the rest.
    enquiry.full_clean(exclude=["reference"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            enquiry.save()
            year = timezone.localdate(enquiry.created_at).year
            enquiry.reference = PartnershipEnquiry.make_reference(year, enquiry.pk)
            enquiry.save(update_fields=["reference"])
            transaction.on_commit(partial(enquiry_send_emails, enquiry_id=enquiry.pk), robust=True)
    except IntegrityError:
        # Two requests with the same submission id raced; the other one stored it.
        existing = PartnershipEnquiry.objects.for_submission(submission_id)
        if existing is None:
            raise
        return existing, False
    logger.info("Enquiry %s received", enquiry.reference)
    return enquiry, True


def _one_line(text):
    """Subjects are built from our own words plus validated fields; collapse any
    whitespace anyway so no line break can ever reach a header."""
    text = " ".join(str(text).split())
    return text if len(text) <= SUBJECT_MAX_LENGTH else text[: SUBJECT_MAX_LENGTH - 1] + "…"


def _email_context(enquiry):
    return {
        "enquiry": enquiry,
        "interests": join_list(interest.label for interest in enquiry.interests),  # in the active language
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "privacy_url": settings.SITE_URL + reverse("enquiries:privacy"),  # in the active language
        "admin_url": settings.SITE_URL + reverse("admin:enquiries_partnershipenquiry_change", args=[enquiry.pk]),
        "organisation": Organisation.objects.current(),  # the contact line (email, telephone, WeChat)
    }


def build_staff_notification(enquiry):
    # Staff read English whatever language the person used.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New partnership enquiry %(reference)s from %(organisation)s") % {
            "reference": enquiry.reference,
            "organisation": enquiry.organisation_name,
        }
        body = render_to_string("enquiries/emails/staff_notification.txt", _email_context(enquiry))
    return EmailMessage(
        subject=_one_line(subject), body=body, to=settings.ENQUIRY_NOTIFY_EMAILS, reply_to=[enquiry.email]
    )


def build_acknowledgement(enquiry):
    with translation.override(enquiry.language):
        if enquiry.side == EnquirySide.CHINA:
            subject = _("We have received your request for a UK partner (%(reference)s)")
        else:
            subject = _("We have received your enquiry (%(reference)s)")
        subject %= {"reference": enquiry.reference}
        body = render_to_string("enquiries/emails/acknowledgement.txt", _email_context(enquiry))
    reply_to = settings.ENQUIRY_NOTIFY_EMAILS[:1]
    return EmailMessage(subject=_one_line(subject), body=body, to=[enquiry.email], reply_to=reply_to)


def _acknowledgements_used_up(enquiry):
    """Whether this enquiry's address has had ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY acknowledgements in
    the last 24 hours: then the form must not become a way to flood someone's inbox from TEP's
    address. The enquiry itself is stored and staff are told as usual."""
    since = timezone.now() - datetime.timedelta(days=1)
    sent = PartnershipEnquiry.objects.acknowledged_since(enquiry.email, since).count()
    if sent < settings.ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY:
        return False
    logger.info("Enquiry %s: acknowledgement withheld, daily limit for its address reached", enquiry.reference)
    return True


def enquiry_send_emails(*, enquiry_id):
    """Send whichever of the staff notification and the acknowledgement has not
    gone yet, and record the outcome on the enquiry. Never raises for a mail
    failure: the enquiry is safe in the database and manage.py
    retry_enquiry_emails tries again. Returns True when nothing is left to send."""
    enquiry = (
        PartnershipEnquiry.objects.select_related("partnership__council", "partnership__chinese_place")
        .filter(pk=enquiry_id)
        .first()
    )
    if enquiry is None or enquiry.anonymised_at or enquiry.status == EnquiryStatus.SPAM:
        return True
    last_error = None
    for sent_field, build, kind in (
        ("staff_notified_at", build_staff_notification, "staff notification"),
        ("acknowledged_at", build_acknowledgement, "acknowledgement"),
    ):
        if getattr(enquiry, sent_field) is not None:
            continue
        if kind == "acknowledgement" and (enquiry.acknowledgement_withheld or _acknowledgements_used_up(enquiry)):
            enquiry.acknowledgement_withheld = True
            continue
        if kind == "staff notification" and not settings.ENQUIRY_NOTIFY_EMAILS:
            logger.warning("Enquiry %s: ENQUIRY_NOTIFY_EMAILS is empty, no staff notification sent", enquiry.reference)
            setattr(enquiry, sent_field, timezone.now())
            continue
        try:
            build(enquiry).send()
        # Any failure of the mail backend (SMTP, DNS, TLS, a provider's API) must
        # leave the enquiry stored and the person unaffected.
        except Exception as exc:
            last_error = exc
            # The class only: SMTP errors can quote the recipient's address.
            logger.warning("Enquiry %s: %s not sent (%s)", enquiry.reference, kind, type(exc).__name__)
        else:
            setattr(enquiry, sent_field, timezone.now())
    enquiry.email_attempts += 1
    enquiry.last_email_error = type(last_error).__name__[:100] if last_error else ""
    enquiry.save(
        update_fields=[
            "staff_notified_at",
            "acknowledged_at",
            "acknowledgement_withheld",
            "email_attempts",
            "last_email_error",
        ]
    )
    return last_error is None


def enquiries_retry_emails(*, older_than=datetime.timedelta(minutes=5), max_attempts=20):
    """Retry emails that failed. Enquiries younger than `older_than` are left to
    the request that stored them, so the two never send the same email twice."""
    cutoff = timezone.now() - older_than
    pending = PartnershipEnquiry.objects.awaiting_email().filter(created_at__lt=cutoff, email_attempts__lt=max_attempts)
    sent = failed = 0
    for enquiry_id in pending.order_by("created_at").values_list("pk", flat=True):
        if enquiry_send_emails(enquiry_id=enquiry_id):
            sent += 1
        else:
            failed += 1
    return sent, failed


@transaction.atomic
def enquiry_change_status(*, enquiry, status, by, reason=""):
    """Move an enquiry along the workflow and record who did it. Raises
    ValidationError when the workflow does not allow the move."""
    # Lock the row so two reviewers acting at once cannot both move it from the same status.
    locked = PartnershipEnquiry.objects.select_for_update().get(pk=enquiry.pk)
    change = locked.transition_to(status, by=by, reason=reason)
    locked.save(update_fields=["status", "status_changed_at", "closed_at"])
    change.save()
    for field in ("status", "status_changed_at", "closed_at"):
        setattr(enquiry, field, getattr(locked, field))
    return change


def enquiry_assign(*, enquiry, owner):
    enquiry.owner = owner
    enquiry.save(update_fields=["owner"])
    return enquiry


def enquiry_add_note(*, enquiry, author, text):
    note = EnquiryNote(enquiry=enquiry, author=author, text=text)
    note.full_clean()
    note.save()
    return note


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (31 March − 1 month → 28/29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


@transaction.atomic
def enquiries_purge(*, months, delete=False, now=None):
    """Apply the retention period to closed enquiries (converted, declined, spam)
    closed more than `months` ago: anonymise them, keeping the figures (type,
    region, interests, status, dates), or with delete=True remove them.
    Returns how many enquiries were affected."""
    expired = PartnershipEnquiry.objects.past_retention(months_before(now or timezone.now(), months), delete=delete)
    if delete:
        count = expired.count()
        _scrub_admin_history(expired)
        expired.delete()
        logger.info("Retention: %d closed enquiries deleted", count)
        _scrub_admin_history_left_behind()
        return count
    ids = list(expired.values_list("pk", flat=True))
    EnquiryNote.objects.filter(enquiry__in=ids).delete()  # notes may name the person
    EnquiryStatusChange.objects.filter(enquiry__in=ids).update(reason="")  # so may a reason for reopening
    _scrub_admin_history(PartnershipEnquiry.objects.filter(pk__in=ids))
    count = PartnershipEnquiry.objects.filter(pk__in=ids).update(
        **dict.fromkeys(PERSONAL_FIELDS, ""), anonymised_at=now or timezone.now()
    )
    logger.info("Retention: %d closed enquiries anonymised", count)
    _scrub_admin_history_left_behind()
    return count


def _admin_history(enquiries):
    """The admin's log (LogEntry: Recent actions, an object's History) for these enquiries."""
    content_type = ContentType.objects.get_for_model(PartnershipEnquiry)
    return LogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in enquiries.values_list("pk", flat=True)]
    )


def _scrub_admin_history(enquiries):
    """Erasure and retention reach the admin's log too: each entry keeps who acted, when and
    how (added, changed, deleted), but names the enquiry by its reference only and loses its
    change message, which can quote an internal note (issue 12)."""
    references = dict(enquiries.values_list("pk", "reference"))
    history = _admin_history(enquiries)
    for pk, reference in references.items():
        history.filter(object_id=str(pk)).update(object_repr=reference or "", change_message="")
    return len(references)


def _scrub_admin_history_left_behind():
    """The admin's log of enquiries no longer held (anonymised, or deleted) that still says more
    than their reference: written by a release that kept the organisation in the name and the
    note in the change message, for an enquiry erased or anonymised back then, or deleted in the
    admin since. Scrubbed as _scrub_admin_history does; the reference is read from the old name."""
    content_type = ContentType.objects.get_for_model(PartnershipEnquiry)
    held = PartnershipEnquiry.objects.filter(anonymised_at__isnull=True).annotate(key=Cast("pk", CharField()))
    left_behind = (
        LogEntry.objects.filter(content_type=content_type)
        .exclude(object_id__in=held.values("key"))
        .exclude(change_message="", object_repr__regex=r"^(TEP-[0-9]{4}-[0-9]+)?$")
    )
    count = 0
    for pk, name in left_behind.values_list("pk", "object_repr"):
        found = REFERENCE.match(name)
        count += LogEntry.objects.filter(pk=pk).update(object_repr=found[0] if found else "", change_message="")
    if count:
        logger.info("Retention: %d admin history entries of enquiries no longer held scrubbed", count)
    return count


def personal_data_export(*, email):
    """Everything held about one email address, for a subject access request (UK GDPR art. 15)."""
    enquiries = (
        PartnershipEnquiry.objects.for_email(email)
        .select_related("partnership__council", "partnership__chinese_place")
        .prefetch_related("notes", "status_changes")
        .order_by("created_at")
    )
    history = {}
    for entry in _admin_history(enquiries).select_related("user").order_by("action_time"):
        history.setdefault(entry.object_id, []).append(
            {
                "when": entry.action_time.isoformat(),
                "by": staff_name(entry.user),
                "action": {1: "added", 2: "changed", 3: "deleted"}.get(entry.action_flag, ""),
                "object": entry.object_repr,
                "change": entry.get_change_message(),
            }
        )
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "enquiries": [
            {
                "reference": enquiry.reference,
                "received": enquiry.created_at.isoformat(),
                "organisation_name": enquiry.organisation_name,
                "organisation_type": enquiry.get_organisation_type_display(),
                "contact_name": enquiry.contact_name,
                "job_title": enquiry.job_title,
                "email": enquiry.email,
                "phone": enquiry.phone,
                "side": enquiry.get_side_display(),
                "region": enquiry.get_region_display(),
                "china_province": enquiry.get_china_province_display(),
                "city": enquiry.city,
                "interests": [str(interest.label) for interest in enquiry.interests],
                "partnership": str(enquiry.partnership) if enquiry.partnership else "",
                "message": enquiry.message,
                "language": enquiry.language,
                "agreed_to_privacy_notice": enquiry.privacy_agreed_at.isoformat(),
                "status": enquiry.get_status_display(),
                "status_history": [
                    {
                        "from": change.get_from_status_display(),
                        "to": change.get_to_status_display(),
                        "when": change.changed_at.isoformat(),
                        "reason": change.reason,
                    }
                    for change in enquiry.status_changes.all()
                ],
                "notes": [{"written": note.created_at.isoformat(), "text": note.text} for note in enquiry.notes.all()],
                "admin_history": history.get(str(enquiry.pk), []),
            }
            for enquiry in enquiries
        ],
    }


@transaction.atomic
def personal_data_erase(*, email):
    """Delete every enquiry sent from this address, with its notes and history, and scrub
    the admin's log of them (UK GDPR art. 17). Returns how many enquiries were deleted."""
    matching = PartnershipEnquiry.objects.for_email(email)
    count = matching.count()
    _scrub_admin_history(matching)
    matching.delete()
    logger.info("Erasure request: %d enquiries deleted", count)
    return count
