"""schema.org data (JSON-LD) for timeline events, built from the same records the page shows."""

from django.urls import reverse

from .presentation import event_date_iso, event_label


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
