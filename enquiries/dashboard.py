"""The enquiry reviewers' part of the admin dashboard (tep_portal/dashboard.py): two queries."""

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from tep_portal.dashboard import Item, Section

from .choices import OPEN_ENQUIRY_STATUSES, EnquiryStatus
from .models import PartnershipEnquiry

OLDEST_SHOWN = 3


def inbox(**filters):
    url = reverse("admin:enquiries_partnershipenquiry_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def enquiry_section(request):
    if not request.user.has_perm("enquiries.view_partnershipenquiry"):
        return None
    is_open = Q(status__in=OPEN_ENQUIRY_STATUSES)
    counts = PartnershipEnquiry.objects.aggregate(
        new=Count("pk", filter=Q(status=EnquiryStatus.NEW)),
        open=Count("pk", filter=is_open),
        unassigned=Count("pk", filter=is_open & Q(owner__isnull=True)),
        mine=Count("pk", filter=is_open & Q(owner=request.user)),
        oldest=Min("created_at", filter=is_open),
    )
    open_statuses = ",".join(OPEN_ENQUIRY_STATUSES)
    items = [
        Item(_("new enquiries"), counts["new"], inbox(status__exact=EnquiryStatus.NEW)),
        Item(_("open and unassigned"), counts["unassigned"], inbox(owner="none", status__in=open_statuses)),
        Item(_("open and assigned to me"), counts["mine"], inbox(owner="me", status__in=open_statuses)),
        Item(
            _("open in all"),
            counts["open"],
            inbox(status__in=open_statuses),
            _("the oldest has waited %(time)s") % {"time": timesince(counts["oldest"], timezone.now())}
            if counts["oldest"]
            else "",
        ),
    ]
    oldest = (
        PartnershipEnquiry.objects.filter(is_open)
        .order_by("created_at", "id")
        .only("pk", "reference", "organisation_name", "created_at")[:OLDEST_SHOWN]
    )
    for enquiry in oldest:
        items.append(
            Item(
                _("waiting longest: %(reference)s, %(organisation)s")
                % {"reference": enquiry.reference, "organisation": enquiry.organisation_name},
                None,
                reverse("admin:enquiries_partnershipenquiry_change", args=[enquiry.pk]),
                _("received %(time)s ago") % {"time": timesince(enquiry.created_at, timezone.now())},
            )
        )
    return Section(_("Enquiries to review"), items, position=10)
