"""What the page cache never stores or serves: drafts staff see, the admin, visitors with a
session, pages that were not found."""

from django.conf import settings

from tests.factories import PartnershipFactory, TimelineEventFactory

from .support import text


def test_a_draft_never_leaks(client, admin_client):
    draft = PartnershipFactory(is_published=False, summary_en="Secret draft summary.")
    TimelineEventFactory(title_en="Draft event for staff only", is_published=False, partnerships=[draft])
    draft_url = f"/partnerships/{draft.slug}/"

    # Staff browse the public pages (and may be shown drafts): nothing they see is stored.
    for path in ("/partnerships/", "/timeline/", draft_url):
        response = admin_client.get(path)
        assert "X-Page-Cache" not in response

    assert client.get(draft_url).status_code == 404
    assert client.get(draft_url).status_code == 404
    for path in ("/partnerships/", "/timeline/"):
        client.get(path)
        page = text(client.get(path))
        assert "Secret draft summary." not in page
        assert "Draft event for staff only" not in page


def test_admin_pages_are_never_cached(client, admin_client):
    for _ in range(2):
        assert "X-Page-Cache" not in admin_client.get("/admin/")
        assert "X-Page-Cache" not in client.get("/admin/login/")


def test_a_visitor_with_a_session_is_never_served_from_the_cache(client):
    client.get("/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-real-session"
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_not_found_pages_are_not_stored(client):
    for _ in range(2):
        response = client.get("/partnerships/no-such-partnership/")
        assert response.status_code == 404
        assert "X-Page-Cache" not in response
