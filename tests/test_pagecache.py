"""The whole-page cache (tep_portal/pagecache.py): what it serves, what it never
stores, and that every staff edit empties it at once."""

import gzip
import logging
import re
import threading
import time

import pytest
from django.conf import settings
from django.test import Client
from django.test.signals import template_rendered

from enquiries.models import PartnershipEnquiry
from partnerships.models import Page, Partnership, Quote, TimelineEvent
from schools.models import UKSchool
from tep_portal import fragment_cache, pagecache

from .enquiries.support import VALID_ANSWERS
from .factories import PartnershipEnquiryFactory, PartnershipFactory, TimelineEventFactory
from .html_forms import form_data

pytestmark = pytest.mark.usefixtures("page_cache", "demo_content")

DETAIL = "/partnerships/nottingham-ningbo/"
PUBLIC_PAGES = [
    "/",
    "/partnerships/",
    DETAIL,
    "/schools/",
    "/schools/the-fernwood-school/",
    "/timeline/",
    "/about/",
    "/process/",
    "/benefits/",
    "/zh-hans/",
    "/zh-hans/partnerships/nottingham-ningbo/",
    "/timeline/feed/",
    "/sitemap.xml",
    "/robots.txt",
]


def text(response):
    return response.content.decode()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_cached_page_is_served_without_touching_the_database(client, django_assert_num_queries, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(path)

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_still_get_the_security_headers(client):
    client.get("/")
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert response.has_header(header), header
    assert not response.cookies


def test_head_is_answered_from_the_cache(client, django_assert_num_queries):
    client.get("/timeline/")
    with django_assert_num_queries(0):
        response = client.head("/timeline/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


# Staff edits --------------------------------------------------------------------


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


# What is never stored -------------------------------------------------------------


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


def test_language_variants_are_cached_separately(client):
    english, chinese = client.get("/"), client.get("/zh-hans/")
    assert english["X-Page-Cache"] == chinese["X-Page-Cache"] == "miss"
    english, chinese = client.get("/"), client.get("/zh-hans/")
    assert english["X-Page-Cache"] == chinese["X-Page-Cache"] == "hit"
    assert '<html lang="en-GB"' in text(english)
    assert '<html lang="zh-Hans"' in text(chinese)
    assert english["Content-Language"] == "en"
    assert chinese["Content-Language"] == "zh-hans"


def test_query_strings_are_part_of_the_key(client):
    ningbo, shanghai = client.get("/partnerships/?q=Ningbo"), client.get("/partnerships/?q=Shanghai")
    assert ningbo["X-Page-Cache"] == shanghai["X-Page-Cache"] == "miss"
    ningbo, shanghai = client.get("/partnerships/?q=Ningbo"), client.get("/partnerships/?q=Shanghai")
    assert ningbo["X-Page-Cache"] == shanghai["X-Page-Cache"] == "hit"
    assert "nottingham-ningbo" in text(ningbo)
    assert "nottingham-ningbo" not in text(shanghai)
    assert "liverpool-shanghai" in text(shanghai)


def test_hosts_are_cached_separately(client):
    # Pages carry absolute links (canonical, Open Graph), so each host has its own copy.
    client.get("/", HTTP_HOST="localhost")
    assert client.get("/", HTTP_HOST="127.0.0.1")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    "path", ["/register/", "/zh-hans/register/", "/register/uk-partner/", "/zh-hans/register/uk-partner/"]
)
def test_the_register_form_is_never_cached(client, path):
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response.cookies[settings.CSRF_COOKIE_NAME].value  # each visitor gets their own CSRF token


def test_the_blank_register_form_is_shared_but_every_visitor_gets_their_own_tokens(django_assert_num_queries, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the test fills the form in at once
    partnership = Partnership.objects.published().first()
    path = f"/register/?partnership={partnership.slug}"
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    form_renders = []
    template_rendered.connect(record := lambda sender, template, **kwargs: form_renders.append(template.name))
    try:
        visitors[0].get(path)  # rendered here, with holes for the tokens, and shared
        pages = []
        for visitor in visitors[1:]:
            with django_assert_num_queries(1):  # the partnership they came from, to check it is still published
                response = visitor.get(path)
            assert "no-store" in response["Cache-Control"]
            pages.append(response.content.decode())
    finally:
        template_rendered.disconnect(record)
    assert form_renders.count("enquiries/form.html") == 1
    assert "X-Page-Cache" not in response  # not the page cache's: it carries the visitor's tokens
    assert "tep-hole" not in pages[0] + pages[1]
    assert f"My enquiry is about {partnership}" in pages[0]
    first, second = (form_data(page) for page in pages)
    assert first["csrfmiddlewaretoken"] != second["csrfmiddlewaretoken"]
    assert first["form_token"] != second["form_token"]
    # Each visitor's page sends with their own cookie: two enquiries, each stored once.
    for visitor, data in zip(visitors[1:], (first, second), strict=True):
        response = visitor.post("/register/", {**data, **VALID_ANSWERS})
        assert response.status_code == 302, response.context["form"].errors
    assert PartnershipEnquiry.objects.filter(partnership=partnership).count() == 2


def test_the_chinese_side_s_form_is_shared_apart_from_the_uk_one(client, django_assert_num_queries):
    """/register/uk-partner/ is rendered once per language and shared like /register/, under its own
    key: neither side's visitors get the other's form."""
    form_renders = []
    template_rendered.connect(record := lambda sender, template, **kwargs: form_renders.append(template.name))
    try:
        for path in ("/register/", "/register/uk-partner/", "/zh-hans/register/uk-partner/"):
            client.get(path)
        with django_assert_num_queries(0):
            pages = {path: text(Client().get(path)) for path in ("/register/", "/register/uk-partner/")}
            chinese = text(Client().get("/zh-hans/register/uk-partner/"))
    finally:
        template_rendered.disconnect(record)
    assert form_renders.count("enquiries/form_uk_partner.html") == 2  # once per language, then shared
    assert form_renders.count("enquiries/form.html") == 3  # the UK page, and the one each Chinese-side page extends
    assert (
        'name="china_province"' in pages["/register/uk-partner/"]
        and 'name="region"' not in pages["/register/uk-partner/"]
    )
    assert 'name="region"' in pages["/register/"] and 'name="china_province"' not in pages["/register/"]
    assert "中国城市和学校：寻找英国合作伙伴" in chinese and "tep-hole" not in chinese
    first, second = form_data(pages["/register/uk-partner/"]), form_data(chinese)
    assert first["form_token"] != second["form_token"]


def test_the_register_form_is_shared_only_at_its_own_addresses(client):
    """A made-up query string (echoed in the language switcher's link) is never shared with others,
    and a marker written into it cannot open a hole."""
    path = "/register/?x=%3C!--tep-hole:csrf_input:0--%3E"
    first = client.get(path).content.decode()
    data = form_data(first)
    assert first.count(data["csrfmiddlewaretoken"]) == 1
    assert first.count(data["form_token"]) == 1
    assert "?x=" not in client.get("/register/").content.decode()  # the blank page at its own address


def test_the_shared_register_form_follows_content_edits_and_languages(client):
    partnership = Partnership.objects.published().first()
    path = f"/register/?partnership={partnership.slug}"
    assert f"My enquiry is about {partnership}" in client.get(path).content.decode()
    partnership.council.name = "Renamed Borough Council"
    partnership.council.save()
    partnership.refresh_from_db()
    assert f"My enquiry is about {partnership}" in client.get(path).content.decode()
    assert "Renamed Borough Council" in str(partnership)
    chinese = client.get(f"/zh-hans{path}").content.decode()
    assert 'lang="zh-Hans"' in chinese and "申请建立中英合作关系" in chinese
    partnership.is_published = False
    partnership.save()
    assert 'name="partnership"' not in client.get(path).content.decode()


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


# Conditional GET ----------------------------------------------------------------


def test_a_browser_revalidating_an_unchanged_page_gets_a_304(client, django_assert_num_queries):
    first = client.get(DETAIL)
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    # No Last-Modified: when a page was stored would tell when somebody else asked for it.
    assert "Last-Modified" not in first
    cache_control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate"} <= cache_control

    with django_assert_num_queries(0):
        response = client.get(DETAIL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_after_an_edit_the_old_etag_gets_the_new_page(client):
    etag = client.get(DETAIL)["ETag"]
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    partnership.summary_en = "Updated summary for revalidation."
    partnership.save()

    response = client.get(DETAIL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Updated summary for revalidation." in text(response)


def test_a_page_that_did_not_change_keeps_its_etag_across_edits(client):
    etag = client.get("/robots.txt")["ETag"]
    UKSchool.objects.filter(slug="nuast").get().save()  # an unrelated edit: the cache is emptied
    response = client.get("/robots.txt", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


# Releases and outages -------------------------------------------------------------


def test_a_new_release_does_not_serve_pages_cached_by_the_previous_one(client, monkeypatch):
    client.get("/")
    monkeypatch.setattr(pagecache, "_fingerprint", "next-release")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_pages_and_edits_still_work_when_the_cache_server_is_down(client, settings):
    # Nothing listens on port 1: every cache call fails with "connection refused".
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.PAGE_CACHE_ALIAS = settings.PAGE_CACHE_STATE_ALIAS = "down"

    assert client.get(DETAIL).status_code == 200
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    partnership.year_note = "Saved while the cache was down."
    partnership.save()
    assert Partnership.objects.filter(year_note="Saved while the cache was down.").exists()
    assert "X-Page-Cache" not in client.get(DETAIL)


def test_generation_survives_losing_its_counter(client):
    """If the counter is evicted, it restarts from the clock, so no page stored
    under an old number can come back."""
    client.get("/")
    cache = pagecache._state_cache()
    old = cache.get(pagecache.GENERATION_KEY)
    cache.delete(pagecache.GENERATION_KEY)
    response = Client().get("/")
    assert response["X-Page-Cache"] == "miss"
    assert cache.get(pagecache.GENERATION_KEY) > old


def test_the_benchmark_endpoint_does_not_exist_in_normal_use(client):
    assert client.get("/bench/minimal/").status_code == 404


def test_requests_for_a_page_being_rendered_wait_for_that_render(client, django_assert_num_queries):
    # Render once to learn what the stored entry looks like, then take it out again
    # and play the request that is busy rendering it: holding the lock, storing later.
    client.get(DETAIL)
    cache = pagecache._cache()
    request = client.get(DETAIL).wsgi_request
    key = pagecache.PageCacheMiddleware.key(request)
    entry = cache.get(key)
    cache.delete(key)
    lock = f"{key}:rendering:{pagecache._state_cache().get(pagecache.GENERATION_KEY)}"
    assert cache.add(lock, 1)

    def finish_rendering():
        time.sleep(0.2)
        cache.set(key, entry)
        cache.delete(lock)

    other = threading.Thread(target=finish_rendering)
    other.start()
    with django_assert_num_queries(0):
        response = client.get(DETAIL)
    other.join()
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_a_render_that_stores_nothing_does_not_keep_others_waiting(client, settings):
    settings.PAGE_CACHE_RENDER_WAIT = 30
    cache = pagecache._cache()
    client.get("/")
    request = client.get("/partnerships/no-such-partnership/").wsgi_request
    key = pagecache.PageCacheMiddleware.key(request)
    lock = f"{key}:rendering:{pagecache._state_cache().get(pagecache.GENERATION_KEY)}"
    assert cache.add(lock, 1)
    threading.Timer(0.2, cache.delete, args=[lock]).start()  # the other render ends with a 404: nothing stored

    response = client.get("/partnerships/no-such-partnership/")
    assert response.status_code == 404


def test_pages_are_sent_compressed_to_browsers_that_accept_gzip(client, django_assert_num_queries):
    plain = client.get("/timeline/")
    with django_assert_num_queries(0):
        compressed = client.get("/timeline/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert int(compressed["Content-Length"]) == len(compressed.content)
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    # Two representations, two ETags; each revalidates to a 304.
    assert compressed["ETag"] != plain["ETag"]
    assert client.get("/timeline/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    not_modified = client.get("/timeline/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"])
    assert not_modified.status_code == 304
    # A client without gzip gets the page as it was rendered.
    again = client.get("/timeline/")
    assert "Content-Encoding" not in again
    assert again.content == plain.content


# At the edge (issue 13) ------------------------------------------------------------


def test_a_request_routed_under_a_script_name_is_neither_stored_nor_served(client):
    # SCRIPT_NAME /partnerships and PATH_INFO /: the home page, at the directory's URL.
    under_script_name = client.get("/", SCRIPT_NAME="/partnerships")
    assert "X-Page-Cache" not in under_script_name
    directory = client.get("/partnerships/")
    assert directory["X-Page-Cache"] == "miss"
    assert '<h1 id="page-heading">UK–China partnerships</h1>' in text(directory)


def test_no_header_says_whether_a_page_came_from_the_cache_unless_asked_for(client, settings):
    settings.PAGE_CACHE_STATUS_HEADER = False
    miss, hit = client.get("/timeline/"), client.get("/timeline/")
    assert sorted(miss.headers) == sorted(hit.headers)
    for response in (miss, hit):
        assert "X-Page-Cache" not in response
        assert "Last-Modified" not in response


@pytest.mark.parametrize(
    ("accept", "compressed"),
    [
        ("gzip", True),
        ("gzip;q=0.5, br", True),
        ("*", True),
        ("gzip;q=0", False),
        ("gzip; q=0.0, identity", False),
        ("br, *;q=0", False),
        ("x-gzip;q=0", False),
        ("identity", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_accept_encoding_q_values_are_honoured(client, accept, compressed):
    client.get("/timeline/")
    response = client.get("/timeline/", HTTP_ACCEPT_ENCODING=accept)
    assert (response.get("Content-Encoding") == "gzip") is compressed
    body = gzip.decompress(response.content) if compressed else response.content
    assert body.rstrip().endswith(b"</html>")


def test_a_request_for_an_unknown_host_is_one_warning_without_traceback(client, caplog):
    logged = []
    collect = logging.Handler()
    collect.emit = logged.append
    security_logger = logging.getLogger("django.security.DisallowedHost")
    security_logger.addHandler(collect)  # what reaches the console handler, whatever pytest does with propagation
    try:
        with caplog.at_level(logging.DEBUG):
            response = client.get("/timeline/", HTTP_HOST="evil.example")
    finally:
        security_logger.removeHandler(collect)
    assert response.status_code == 400
    assert [(r.levelname, r.getMessage().split(".")[0]) for r in logged] == [
        ("WARNING", "Invalid HTTP_HOST header: 'evil")
    ]
    assert logged[0].exc_info is None and logged[0].exc_text is None
    assert not [r for r in caplog.records if r.name.startswith("tep_portal")]  # no false "Page cache unavailable"


def test_shared_fragments_follow_every_edit(client, settings):
    settings.PAGE_CACHE_ENABLED = False  # the counts on the home page are kept per content generation on their own

    def partnerships_counted():
        return int(re.search(r'figure__value">(\d+)<', text(client.get("/"))).group(1))

    before = partnerships_counted()
    assert partnerships_counted() == before
    PartnershipFactory(status="active")
    assert partnerships_counted() == before + 1


def test_shared_fragments_are_computed_afresh_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "tep_portal.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.PAGE_CACHE_ALIAS = settings.PAGE_CACHE_STATE_ALIAS = "down"
    assert fragment_cache.remember("test-fragment", lambda: "computed") == "computed"
    assert client.get("/partnerships/?province=zhejiang").status_code == 200
