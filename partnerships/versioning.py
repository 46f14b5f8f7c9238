"""The partnerships models kept in the revision history (tep_portal/admin_history.py), with
what is saved alongside each: a partnership's quotes, events and school links (edited with it)."""

from tep_portal.admin_history import register

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


def register_models():
    # school_links is declared by the schools app on Partnership; followed when it is installed.
    register(Partnership, follow=["quotes", "events", "school_links"])
    for model in (Council, ChinesePlace, Area, TimelineEvent, Quote, Statistic, ProcessStep, Benefit, Page):
        register(model)
