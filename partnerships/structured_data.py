"""schema.org data (JSON-LD) for search engines, built from the same records the page shows."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from .presentation import event_date_iso, event_label


def organization(request):
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "alternateName": "TEP",
        "url": request.build_absolute_uri(reverse("partnerships:home")),
        "logo": request.build_absolute_uri(static("img/logo.svg")),
        "description": _("Creates and supports UK–China sister-city and sister-school partnerships."),
    }


def _place_names(event, partnership):
    partnerships = [partnership] if partnership else getattr(event, "public_partnerships", [])
    names = [name for p in partnerships for name in (p.council.name, p.chinese_place.name)]
    return list(dict.fromkeys(names))


def events(request, events, partnership=None):
    """One Event per timeline event; its URL is its anchor on the page that lists it."""
    base = partnership.get_absolute_url() if partnership else reverse("partnerships:timeline")
    items = []
    for event in events:
        item = {
            "@type": "Event",
            "name": event.title,
            "startDate": event_date_iso(event),
            "eventStatus": "https://schema.org/EventScheduled",
            "url": request.build_absolute_uri(f"{base}#event-{event.pk}"),
            "description": event.text or event_label(event),
        }
        places = _place_names(event, partnership)
        if places:
            item["location"] = [{"@type": "Place", "name": name} for name in places]
        items.append(item)
    return {"@context": "https://schema.org", "@graph": items} if items else None


def breadcrumbs(request, trail):
    """trail: (name, url) pairs from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
