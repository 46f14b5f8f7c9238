"""The content editors' part of the admin dashboard (tep_portal/dashboard.py): drafts waiting,
records missing their Chinese text, low-confidence partnerships and future-dated events. One
aggregate query per model, whatever the amount of data."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tep_portal.dashboard import DRAFTS, MISSING_CHINESE, Section, content_items, drafts, missing_chinese

from .choices import Confidence
from .models import (
    Area,
    Benefit,
    ChinesePlace,
    Council,
    Page,
    Partnership,
    ProcessStep,
    Quote,
    Statistic,
    TimelineEvent,
)


def content_section(request):
    today = timezone.localdate()
    partnership_counts = {
        DRAFTS: drafts(Partnership),
        "confidence__exact=low": (_("low-confidence partnerships"), Q(confidence=Confidence.LOW)),
        MISSING_CHINESE: missing_chinese(Partnership),
    }
    event_counts = {
        DRAFTS: drafts(TimelineEvent),
        f"date__gt={today.isoformat()}": (_("future-dated timeline events"), Q(date__gt=today)),
        MISSING_CHINESE: missing_chinese(TimelineEvent),
    }
    items = content_items(request, Partnership, partnership_counts) + content_items(
        request, TimelineEvent, event_counts
    )
    # The other models show only what is waiting.
    others = []
    for model in (Quote, Statistic, ProcessStep, Benefit):
        others += content_items(request, model, {DRAFTS: drafts(model), MISSING_CHINESE: missing_chinese(model)})
    for model in (Council, ChinesePlace, Area, Page):
        others += content_items(request, model, {MISSING_CHINESE: missing_chinese(model)})
    return Section(_("Content waiting"), items + [item for item in others if item.count], position=20)
