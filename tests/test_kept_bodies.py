"""Pages the page cache does not serve (a campaign's ?utm_source=…, the page cache off, a new
search) keep the part that is the same for every visitor per content generation
(tests/conftest.py switches the page cache off for these tests): a second visit reads only
what the page's head needs, shows exactly the same page, and every edit shows at once. A
staff preview neither reads nor keeps such a body."""

import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.test.signals import template_rendered
from django.urls import set_script_prefix
from django.utils import timezone

from partnerships.models import Partnership
from schools.models import UKSchool
from tep_portal import fragment_cache
from tests.factories import PartnershipFactory, SisterSchoolLinkFactory, TimelineEventFactory
from tests.fetch import text_of

pytestmark = pytest.mark.django_db


def partnership_page():
    return Partnership.objects.get(slug="nottingham-ningbo").get_absolute_url()


def school_page():
    return UKSchool.objects.published().order_by("pk").first().get_absolute_url()


# A second visit reads nothing: the body is kept, and so is what the page's head needs (the home
# page's Page records, the partnership or the school for the title, breadcrumbs and canonical).
PAGES = [
    pytest.param(lambda: "/", 0, id="home"),
    pytest.param(lambda: "/zh-hans/", 0, id="home-zh"),
    pytest.param(lambda: "/?utm_source=newsletter", 0, id="home-campaign"),
    pytest.param(partnership_page, 0, id="partnership"),
    pytest.param(lambda: partnership_page() + "?fbclid=abc", 0, id="partnership-shared"),
    pytest.param(school_page, 0, id="school"),
    pytest.param(lambda: "/schools/", 0, id="schools"),
    pytest.param(lambda: "/partnerships/", 0, id="directory"),
    pytest.param(lambda: "/partnerships/?q=Ningbo", 0, id="search"),
    pytest.param(lambda: "/zh-hans/partnerships/?region=east-midlands", 0, id="filtered-zh"),
    pytest.param(lambda: "/timeline/", 0, id="timeline"),
    pytest.param(lambda: "/timeline/?category=culture&page=1", 0, id="timeline-filtered"),
]


@pytest.mark.parametrize(("path", "queries"), PAGES)
def test_a_second_visit_reads_only_the_page_s_head_and_shows_the_same_page(
    client, demo_content, django_assert_num_queries, path, queries
):
    path = path()
    first = client.get(path)
    assert first.status_code == HTTPStatus.OK
    with django_assert_num_queries(queries):
        second = Client().get(path)
    assert second.content == first.content


@pytest.mark.parametrize("page", ["partnership", "school"])
def test_a_page_unpublished_after_its_visit_is_gone_at_once_and_no_address_keeps_a_404(client, page):
    partnership = PartnershipFactory()
    record = partnership if page == "partnership" else SisterSchoolLinkFactory(partnership=partnership).uk_school
    path = record.get_absolute_url()
    assert client.get(path).status_code == HTTPStatus.OK  # the record and its body kept
    type(record).objects.filter(pk=record.pk).update(is_published=False)
    record.refresh_from_db()
    record.save()  # a save: the content generation moves on
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND
    record.is_published = True
    record.save()
    assert client.get(path).status_code == HTTPStatus.OK  # the 404 was not kept either


@pytest.mark.parametrize("path", ["/partnerships/", "/timeline/"])
def test_the_body_is_kept_apart_for_each_page_of_results(client, demo_content, path):
    TimelineEventFactory.create_batch(21)  # the demo content's events fit on one page
    first, second = (text_of(client.get(f"{path}?page={number}").content.decode()) for number in (1, 2))
    assert "Page 1 of" in first and "Page 2 of" in second
    assert first.split("Page 1 of")[0] != second.split("Page 2 of")[0]


# Each edit shows at once on a page whose body is kept: (what is edited, the page, what appears).
def add_event(partnership):
    TimelineEventFactory(partnerships=[partnership], title_en="A newly published visit")
    return partnership.get_absolute_url(), "A newly published visit"


def add_event_to_the_timeline(partnership):
    TimelineEventFactory(partnerships=[partnership], title_en="A visit on the timeline", date=timezone.localdate())
    return "/timeline/", "A visit on the timeline"


def add_school_link(partnership):
    link = SisterSchoolLinkFactory(partnership=partnership, activities_en="Newly published lessons.")
    return link.uk_school.get_absolute_url(), "Newly published lessons."


def feature_partnership(partnership):
    Partnership.objects.filter(pk=partnership.pk).update(is_featured=True)
    partnership.council.name = "Newly Featured Borough"
    partnership.council.save()  # a save: the content generation moves on (update() above sends no signal)
    return "/", "Newly Featured Borough"


def rename_school(partnership):
    link = SisterSchoolLinkFactory(partnership=partnership)
    Client().get("/schools/")  # kept with the school under its old name
    link.uk_school.name_en = "Renamed Academy"
    link.uk_school.save()
    return "/schools/", "Renamed Academy"


@pytest.mark.parametrize(
    "edit", [add_event, add_event_to_the_timeline, add_school_link, feature_partnership, rename_school]
)
def test_every_edit_shows_at_once(client, edit):
    partnership = PartnershipFactory(slug="edited")
    for path in ("/", partnership.get_absolute_url(), "/schools/", "/partnerships/", "/timeline/"):
        client.get(path)  # each body kept before the edit
    path, expected = edit(partnership)
    assert expected in text_of(client.get(path).content.decode())


@pytest.fixture
def editor(django_user_model):
    call_command("create_staff_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("page", ["partnership", "school"])
def test_a_staff_preview_neither_reads_nor_keeps_a_kept_body(client, editor, page):
    partnership = PartnershipFactory()
    link = SisterSchoolLinkFactory(partnership=partnership)
    draft = TimelineEventFactory(partnerships=[partnership], is_published=False, date=datetime.date(2020, 1, 1))
    link.uk_school.events.add(draft)
    path = partnership.get_absolute_url() if page == "partnership" else link.uk_school.get_absolute_url()
    shown = f'id="event-{draft.pk}"'  # the event in the page's timeline (its title is in the head's data too)

    assert shown not in client.get(path).content.decode()  # the visitor's body is kept
    assert shown in editor.get(path).content.decode()  # not read for the preview …
    assert shown not in client.get(path).content.decode()  # … and the preview's is not kept


def test_the_shared_register_form_follows_the_fragment_switch_not_the_page_cache(
    settings, demo_content, django_assert_num_queries
):
    """The blank form is never in the page cache: it is a shared fragment with holes for each
    visitor's tokens, so it is shared with the page cache off too, and not when fragments are off."""
    path = f"/register/?partnership={Partnership.objects.published().first().slug}"
    renders = []
    template_rendered.connect(record := lambda sender, template, **kwargs: renders.append(template.name))
    try:
        Client().get(path)
        with django_assert_num_queries(0):
            assert Client().get(path).status_code == HTTPStatus.OK
        assert renders.count("enquiries/form.html") == 1

        settings.FRAGMENT_CACHE_ENABLED = False
        Client().get(path)
        Client().get(path)
        assert renders.count("enquiries/form.html") == 3
    finally:
        template_rendered.disconnect(record)


# What the review of the kept bodies found (each failed before its fix) ---------------------------


def test_an_edit_landing_while_a_page_renders_is_not_kept_under_the_new_generation(client, monkeypatch):
    """The generation is read when the request comes in: a body rendered from the partnership
    as it was before an edit that landed mid-request is never served after it."""
    from partnerships import renditions

    partnership = PartnershipFactory(summary_en="The old summary.")
    image_set = renditions.image_set

    def edit_meanwhile(image):  # runs after the view read the partnership, before the template
        monkeypatch.setattr(renditions, "image_set", image_set)
        edited = Partnership.objects.get(pk=partnership.pk)
        edited.summary_en = "The new summary."
        edited.save()
        return image_set(image)

    monkeypatch.setattr(renditions, "image_set", edit_meanwhile)
    lead = re.compile(r'<p class="lead"[^>]*>([^<]*)</p>')  # in the body (the head's description is read later)
    assert lead.findall(client.get(partnership.get_absolute_url()).content.decode()) == ["The old summary."]
    assert lead.findall(Client().get(partnership.get_absolute_url()).content.decode()) == ["The new summary."]


def test_an_event_dated_today_shows_on_kept_bodies_from_midnight(monkeypatch):
    partnership = PartnershipFactory()
    link = SisterSchoolLinkFactory(partnership=partnership)
    today = timezone.localdate()
    event = TimelineEventFactory(partnerships=[partnership], date=today + datetime.timedelta(days=1))
    link.uk_school.events.add(event)
    pages = ["/", partnership.get_absolute_url(), link.uk_school.get_absolute_url(), "/timeline/"]
    shown = f'id="event-{event.pk}"'
    assert not any(shown in Client().get(path).content.decode() for path in pages)  # each body kept today

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    assert [path for path in pages if shown not in Client().get(path).content.decode()] == []


def test_a_request_routed_under_a_script_name_neither_reads_nor_keeps_fragments(demo_content):
    path = partnership_page()
    set_script_prefix("/elsewhere/")  # as Django's WSGI handler does for SCRIPT_NAME (the test client does not)
    try:
        for page in ("/", path):
            assert "/elsewhere/" in Client().get(page, SCRIPT_NAME="/elsewhere").content.decode()
    finally:
        set_script_prefix("/")
    for page in ("/", path):
        assert "/elsewhere/" not in Client().get(page).content.decode()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("/partnerships/?nation=nowhere", "/partnerships/?nation=elsewhere"),
        ("/partnerships/?year_from=2000", "/partnerships/?year_from=02000"),
        ("/timeline/?category=nothing", "/timeline/?category=none-at-all"),
    ],
)
def test_a_bad_or_respelled_filter_value_keeps_no_results_of_its_own(demo_content, monkeypatch, first, second):
    Client().get(first)
    stored = []
    store = fragment_cache.store
    monkeypatch.setattr(fragment_cache, "store", lambda key, *args: stored.append(key) or store(key, *args))
    assert Client().get(second).status_code == HTTPStatus.OK
    # Only the filter form, which shows the value as typed, is kept for the second address.
    assert [key.split(":")[-2] for key in stored] in (["directory-filters"], ["timeline-filters"])
