"""The partnerships models kept in the revision history (tep_portal/admin_history.py), with
what is saved alongside each: a partnership's quotes, events and school links (edited with it)."""

from tep_portal.admin_history import register

from .models import (
    Area,
    Benefit,
    ChinesePlace,
    Council,
    EventPartnership,
    Page,
    Partnership,
    ProcessStep,
    Quote,
    Statistic,
    TimelineEvent,
)


def register_models():
    # school_links is declared by the schools app on Partnership; followed when it is installed.
    # event_links: the rows the partnership page's event inline edits (which events it belongs to).
    register(Partnership, follow=["quotes", "events", "event_links", "school_links"])
    for model in (
        Council,
        ChinesePlace,
        Area,
        TimelineEvent,
        EventPartnership,
        Quote,
        Statistic,
        ProcessStep,
        Benefit,
        Page,
    ):
        register(model)
