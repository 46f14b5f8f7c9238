"""Every staff edit empties the page cache at once (and the shared fragments with it); enquiries
and a new release's pages are kept apart."""

import re

from partnerships.models import Page, Partnership, Quote, TimelineEvent
from schools.models import UKSchool
from tep_portal import pagecache
from tests.factories import PartnershipEnquiryFactory, PartnershipFactory, TimelineEventFactory
from tests.html_forms import form_data

from .support import DETAIL, text


def change_in_admin(admin_client, obj, **changes):
    """Post the object's admin change form back with some fields changed, as staff would."""
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    data = form_data(text(admin_client.get(url)), form_id=f"{opts.model_name}_form")
    data.update(changes)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_partnership_edited_in_the_admin_shows_at_once(client, admin_client):
    client.get(DETAIL)
    client.get("/partnerships/?q=Ningbo")
    partnership = Partnership.objects.get(slug="nottingham-ningbo")

    change_in_admin(admin_client, partnership, summary_en="Rewritten by TEP staff this morning.")

    detail = client.get(DETAIL)
    assert detail["X-Page-Cache"] == "miss"
    assert "Rewritten by TEP staff this morning." in text(detail)
    assert "Rewritten by TEP staff this morning." in text(client.get("/partnerships/?q=Ningbo"))


def test_a_page_edited_in_the_admin_shows_at_once_in_each_language(client, admin_client):
    client.get("/")
    client.get("/zh-hans/")
    home = Page.objects.get(slug="home")

    change_in_admin(admin_client, home, title_en="Sister cities, sister schools", title_zh_hans="友好城市与姊妹学校")

    assert "Sister cities, sister schools" in text(client.get("/"))
    assert "友好城市与姊妹学校" in text(client.get("/zh-hans/"))


def test_an_event_saved_through_the_orm_shows_at_once(client):
    event = TimelineEvent.objects.published().newest_first().first()
    assert event.title_en in text(client.get("/timeline/"))

    event.title_en = "Ningbo delegation visits Nottingham (revised)"
    event.save()

    assert "Ningbo delegation visits Nottingham (revised)" in text(client.get("/timeline/"))


def test_a_school_edit_shows_at_once(client):
    client.get("/schools/")
    school = UKSchool.objects.get(slug="the-fernwood-school")
    school.name = "Fernwood Academy"
    school.save()
    assert "Fernwood Academy" in text(client.get("/schools/"))


def test_deleting_and_unlinking_show_at_once(client):
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    event = TimelineEventFactory(title_en="Lantern festival in the Old Market Square", partnerships=[partnership])
    quote = Quote.objects.create(
        partnership=partnership, speaker="A. Speaker", text_en="Friends across the sea.", is_published=True
    )
    page = text(client.get(DETAIL))
    assert "Lantern festival in the Old Market Square" in page
    assert "Friends across the sea." in page

    event.partnerships.remove(partnership)  # m2m_changed
    quote.delete()  # post_delete

    page = text(client.get(DETAIL))
    assert "Lantern festival in the Old Market Square" not in page
    assert "Friends across the sea." not in page


def test_unpublishing_with_the_admin_action_removes_the_page_at_once(client, admin_client):
    assert client.get(DETAIL).status_code == 200
    assert "Ningbo" in text(client.get("/partnerships/?q=Ningbo"))
    partnership = Partnership.objects.get(slug="nottingham-ningbo")

    response = admin_client.post(
        "/admin/partnerships/partnership/", {"action": "unpublish", "_selected_action": [partnership.pk]}
    )
    assert response.status_code == 302

    assert client.get(DETAIL).status_code == 404
    assert "nottingham-ningbo" not in text(client.get("/partnerships/?q=Ningbo"))


def test_the_map_follows_an_edit_at_once(client, admin_client):
    """The map (with and without filters) and its list are pages like the others: stored, and gone with
    the next edit."""
    paths = ["/partnerships/map/", "/partnerships/map/?region=east-midlands", "/zh-hans/partnerships/map/"]
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    partnership = Partnership.objects.get(slug="nottingham-ningbo")

    change_in_admin(admin_client, partnership, year_established="2004")

    for path in paths:
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss"
        assert text(response).count(f'href="{path[: path.index("/partnerships/")]}{DETAIL}"') == 2  # line and list
    assert "Nottingham – Ningbo, twin city since 2004" in text(client.get(paths[0]))


def test_enquiries_do_not_empty_the_cache(client, django_assert_num_queries):
    client.get("/")
    PartnershipEnquiryFactory()
    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "hit"


def test_every_public_model_and_no_private_one_empties_the_cache():
    # Every model of the content apps (settings.CONTENT_APPS), none of enquiries or demo: a new model is
    # classified by the app it goes in.
    assert pagecache.watched_models() == [
        "partnerships.area",
        "partnerships.benefit",
        "partnerships.chineseplace",
        "partnerships.council",
        "partnerships.eventpartnership",
        "partnerships.page",
        "partnerships.partnership",
        "partnerships.processstep",
        "partnerships.quote",
        "partnerships.statistic",
        "partnerships.timelineevent",
        "schools.chineseschool",
        "schools.sisterschoollink",
        "schools.ukschool",
        "schools.ukschool_events",
        "tep_portal.organisation",
    ]


def test_a_new_release_does_not_serve_pages_cached_by_the_previous_one(client, monkeypatch):
    client.get("/")
    monkeypatch.setattr(pagecache, "_fingerprint", "next-release")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_shared_fragments_follow_every_edit(client, settings):
    settings.PAGE_CACHE_ENABLED = False  # the counts on the home page are kept per content generation on their own

    def partnerships_counted():
        return int(re.search(r'figure__value">(\d+)<', text(client.get("/"))).group(1))

    before = partnerships_counted()
    assert partnerships_counted() == before
    PartnershipFactory(status="active")
    assert partnerships_counted() == before + 1
