"""The admin index's dashboard: each app registers what its staff should see first.

tep_portal imports no app: an app's AppConfig.ready() calls register() with a function
that takes the request and returns a Section (or None when the user may not see it).
Each function runs a fixed number of queries, whatever the amount of data.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from .translation_status import missing_chinese_q

MISSING_CHINESE = "chinese=missing"
DRAFTS = "is_published__exact=0"

_providers = []


@dataclass
class Item:
    label: str
    count: int | None  # None: a link without a figure
    url: str
    # Shown under the count, e.g. the oldest waiting enquiry's age.
    detail: str = ""


@dataclass
class Section:
    title: str
    items: list = field(default_factory=list)
    position: int = 100


def register(provider):
    """Add provider(request) -> Section | None to the dashboard (idempotent)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def sections_for(request):
    sections = [section for provider in _providers if (section := provider(request)) is not None]
    return sorted((s for s in sections if s.items), key=lambda s: s.position)


def content_items(request, model, counts):
    """Items for one content model: `counts` maps a filter's query string (e.g.
    "is_published__exact=0") to (label, Q) and becomes one aggregate query; nothing when the
    user may not view the model."""
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        return []
    figures = model._default_manager.aggregate(
        **{f"c{n}": Count("pk", filter=condition) for n, (_query, (_label, condition)) in enumerate(counts.items())}
    )
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return [
        Item(label, figures[f"c{n}"], f"{url}?{query}") for n, (query, (label, _condition)) in enumerate(counts.items())
    ]


def drafts(model):
    """A count for content_items: the model's unpublished records."""
    return _("draft %(things)s") % {"things": model._meta.verbose_name_plural}, Q(is_published=False)


def missing_chinese(model):
    """A count for content_items: records with English text and no Chinese."""
    return _("%(things)s missing Chinese text") % {"things": model._meta.verbose_name_plural}, missing_chinese_q(model)
