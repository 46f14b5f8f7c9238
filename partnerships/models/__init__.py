"""Councils, Chinese places, the partnerships between them, their timeline and the site's copy.

Text that visitors read is translated with django-modeltranslation (see
translation.py): `summary` reads the active language's column and falls back
to English.
"""

from ..choices import (
    NATION_REGIONS,
    PROVINCE_LEVEL_KINDS,
    AuthorityKind,
    ChinesePlaceKind,
    Confidence,
    DatePrecision,
    EventCategory,
    LinkKind,
    LinkStatus,
    UKNation,
    UKRegion,
    nation_of,
)
from .links import EventPartnership, Partnership, PartnershipQuerySet, TimelineEvent, TimelineEventQuerySet
from .pages import Benefit, OrderedContent, Page, ProcessStep, Quote, Statistic
from .places import Area, ChinesePlace, Council, Place

__all__ = [
    "NATION_REGIONS",
    "PROVINCE_LEVEL_KINDS",
    "Area",
    "AuthorityKind",
    "Benefit",
    "ChinesePlace",
    "ChinesePlaceKind",
    "Confidence",
    "Council",
    "DatePrecision",
    "EventCategory",
    "EventPartnership",
    "LinkKind",
    "LinkStatus",
    "OrderedContent",
    "Page",
    "Partnership",
    "PartnershipQuerySet",
    "Place",
    "ProcessStep",
    "Quote",
    "Statistic",
    "TimelineEvent",
    "TimelineEventQuerySet",
    "UKNation",
    "UKRegion",
    "nation_of",
]
