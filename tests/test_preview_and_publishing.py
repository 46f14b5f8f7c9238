"""Preview and publishing rules (#11 points 1 and 2): staff who may change a record see its
draft page, marked, never cached or indexed; visitors never see drafts anywhere; events need a
published partnership and their date to have come; new content starts as a draft."""

import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Benefit, Partnership, ProcessStep, Quote, Statistic, TimelineEvent
from schools.models import SisterSchoolLink, UKSchool
from tests.factories import (
    PartnershipFactory,
    SisterSchoolLinkFactory,
    TimelineEventFactory,
    UKSchoolFactory,
)
from tests.fetch import text_of

pytestmark = pytest.mark.django_db


def staff_client(django_user_model, group=None, **flags):
    call_command("create_staff_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user(f"user{django_user_model.objects.count()}", is_staff=True, **flags)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    return staff_client(django_user_model, "Content editors")


@pytest.fixture
def reviewer(django_user_model):
    return staff_client(django_user_model, "Enquiry reviewers")


# Preview --------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_an_editor_previews_a_draft_partnership_with_banner_noindex_and_no_store(client, editor, prefix):
    draft = PartnershipFactory(is_published=False, summary_en="Not announced yet.", summary_zh_hans="尚未公布。")
    TimelineEventFactory(
        partnerships=[draft], title_en="Signing ceremony", title_zh_hans="签约仪式", is_published=False
    )
    page = f"{prefix}{draft.get_absolute_url()}"

    assert client.get(page).status_code == HTTPStatus.NOT_FOUND  # a visitor

    response = editor.get(page)
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    banner = text_of(re.search(r'<div class="preview-banner.*?</div>', body, re.S).group(0))
    assert ("Draft — not public" if not prefix else "草稿——未公开") in banner
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert ("Signing ceremony" if not prefix else "签约仪式") in body  # its draft event, marked
    assert 'class="tag tag--draft"' in body
    assert reverse("admin:partnerships_partnership_change", args=[draft.pk]) in body


def test_a_published_page_previewed_by_staff_marks_its_drafts_and_visitors_do_not_see_them(client, editor):
    partnership = PartnershipFactory()
    TimelineEventFactory(partnerships=[partnership], title_en="Draft visit", is_published=False)
    Quote.objects.create(partnership=partnership, speaker="A draft speaker", text_en="Hello.")
    assert "Draft visit" not in client.get(partnership.get_absolute_url()).content.decode()
    body = editor.get(partnership.get_absolute_url()).content.decode()
    assert "Staff preview" in body and "Draft — not public" not in body
    assert "Draft visit" in body and "A draft speaker" in body
    assert body.count('class="tag tag--draft"') == 2


def test_staff_who_may_not_change_partnerships_get_the_public_page(reviewer):
    draft = PartnershipFactory(is_published=False)
    assert reviewer.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    public = PartnershipFactory()
    response = reviewer.get(public.get_absolute_url())
    assert "preview-banner" not in response.content.decode()


def test_an_editor_previews_a_draft_school(client, editor):
    school = UKSchoolFactory(is_published=False, name="Greenwood Academy")
    SisterSchoolLinkFactory(uk_school=school, is_published=False)
    assert client.get(school.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    response = editor.get(school.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert "Draft — not public" in text_of(response.content.decode())
    assert "no-store" in response["Cache-Control"]


def test_view_on_site_works_for_draft_partnerships_and_events(editor):
    draft = PartnershipFactory(is_published=False)
    event = TimelineEventFactory(partnerships=[draft], is_published=False, title_en="Draft event")
    change = editor.get(reverse("admin:partnerships_partnership_change", args=[draft.pk])).content.decode()
    link = re.search(r'href="([^"]+)" class="viewsitelink"', change).group(1)
    assert editor.get(link, follow=True).status_code == HTTPStatus.OK

    change = editor.get(reverse("admin:partnerships_timelineevent_change", args=[event.pk])).content.decode()
    link = re.search(r'href="([^"]+)" class="viewsitelink"', change).group(1)
    assert link == f"{draft.get_absolute_url()}#event-{event.pk}"
    assert "Draft event" in editor.get(link).content.decode()


def test_the_page_cache_never_stores_a_preview(editor, page_cache):
    draft = PartnershipFactory(is_published=False)
    first = editor.get(draft.get_absolute_url())
    assert first.status_code == HTTPStatus.OK
    assert first.get("X-Page-Cache") != "hit"
    assert Client().get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    # Signed out, even with the same cache key, the visitor gets a 404, not the staff page.
    assert editor.get(draft.get_absolute_url()).get("X-Page-Cache") != "hit"


# Publishing rules everywhere ----------------------------------------------------------------------

PUBLIC_LISTS = ["/", "/timeline/", "/timeline/feed/", "/sitemap.xml"]


def test_an_event_of_only_unpublished_partnerships_is_hidden_everywhere(client):
    draft = PartnershipFactory(is_published=False, slug="draft-one")
    public = PartnershipFactory(slug="public-one")
    TimelineEventFactory(partnerships=[draft], title_en="Hidden delegation")
    TimelineEventFactory(partnerships=[draft, public], title_en="Shown delegation")
    assert list(TimelineEvent.objects.published().values_list("title_en", flat=True)) == ["Shown delegation"]
    for path in ["/", "/timeline/", "/timeline/feed/", public.get_absolute_url()]:
        body = client.get(path).content.decode()
        assert "Hidden delegation" not in body, path
        assert "Shown delegation" in body, path


def test_a_future_dated_event_is_never_shown_as_past_news(client):
    partnership = PartnershipFactory()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    TimelineEventFactory(partnerships=[partnership], title_en="Planned 2031 visit", date=datetime.date(2031, 5, 1))
    TimelineEventFactory(partnerships=[partnership], title_en="Visit tomorrow", date=tomorrow)
    TimelineEventFactory(partnerships=[partnership], title_en="Visit today", date=timezone.localdate())
    for path in ["/", "/timeline/", "/timeline/feed/", partnership.get_absolute_url(), "/zh-hans/"]:
        body = client.get(path).content.decode()
        assert "Planned 2031 visit" not in body and "Visit tomorrow" not in body, path
        assert "Visit today" in body, path


def test_the_admin_warns_about_a_future_date_on_save_and_in_the_list(admin_client):
    partnership = PartnershipFactory()
    response = admin_client.post(
        reverse("admin:partnerships_timelineevent_add"),
        {
            "date": "2031-05-01",
            "precision": "day",
            "title_en": "Planned visit",
            "category": "culture",
            "partnerships": [partnership.pk],
            "is_published": "on",
            "UKSchool_events-TOTAL_FORMS": "0",
            "UKSchool_events-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    messages = [str(m) for m in response.context["messages"]]
    assert any("in the future" in m and "1 May 2031" in m for m in messages), messages
    listing = admin_client.get(reverse("admin:partnerships_timelineevent_changelist")).content.decode()
    assert "Future date: not shown before 1 May 2031" in listing


def test_a_quote_of_an_unpublished_partnership_is_not_public():
    draft = PartnershipFactory(is_published=False)
    Quote.objects.create(partnership=draft, speaker="Hidden", text_en="x", is_published=True)
    Quote.objects.create(speaker="General", text_en="y", is_published=True)
    Quote.objects.create(partnership=PartnershipFactory(), speaker="Shown", text_en="z", is_published=True)
    assert sorted(Quote.objects.published().values_list("speaker", flat=True)) == ["General", "Shown"]


def test_a_school_whose_links_are_all_unpublished_is_not_listed_or_counted(client):
    school = UKSchoolFactory(name="Unlinked Academy")
    SisterSchoolLinkFactory(uk_school=school, is_published=False)
    assert "Unlinked Academy" not in client.get("/schools/").content.decode()
    assert client.get(school.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert not UKSchool.objects.published().exists()


def test_new_content_of_every_kind_starts_as_a_draft():
    partnership = PartnershipFactory.build()
    assert not Partnership(council=partnership.council).is_published
    for model in (Quote, Statistic, ProcessStep, Benefit, UKSchool, SisterSchoolLink, TimelineEvent, Partnership):
        assert model._meta.get_field("is_published").default is False, model


def test_the_demo_content_still_shows_what_it_showed(client, demo_content):
    home = client.get("/").content.decode()
    assert Statistic.objects.published().count() == Statistic.objects.count() > 0
    assert ProcessStep.objects.published().count() == ProcessStep.objects.count() > 0
    assert Benefit.objects.published().count() == Benefit.objects.count() > 0
    assert Quote.objects.published().exists()
    assert UKSchool.objects.published().count() == UKSchool.objects.count() > 0
    assert "the-fernwood-school" in client.get("/schools/").content.decode()
    assert "Latest" in text_of(home) or "latest" in text_of(home)


def test_preview_pages_are_valid_html(editor, tmp_path):
    from tests.test_html_validity import run_vnu

    draft = PartnershipFactory(is_published=False)
    TimelineEventFactory(partnerships=[draft], is_published=False)
    Quote.objects.create(partnership=draft, speaker="Draft speaker", text_en="Hello.")
    link = SisterSchoolLinkFactory(partnership=draft, is_published=False, uk_school__is_published=False)
    pages = {"partnership": draft.get_absolute_url(), "school": link.uk_school.get_absolute_url()}
    for name, path in pages.items():
        response = editor.get(path)
        assert response.status_code == HTTPStatus.OK
        (tmp_path / f"{name}.html").write_bytes(response.content)
    errors = [m for m in run_vnu(sorted(tmp_path.glob("*.html"))) if m["type"] == "error"]
    assert errors == []


def test_the_newest_events_are_read_from_the_partial_index(django_db_blocker):
    """The publishing rule's EXISTS must not stop the home page and the timeline from reading the
    newest published events straight from event_published_newest_idx (no sort of every event)."""
    from django.db import connection

    partnerships = [PartnershipFactory(is_published=n % 10 != 9) for n in range(20)]
    events = TimelineEvent.objects.bulk_create(
        TimelineEvent(
            date=datetime.date(1990 + n % 30, 1 + n % 12, 1),
            title_en=f"E{n}",
            category="culture",
            is_published=n % 20 != 19,
        )
        for n in range(2000)
    )
    through = TimelineEvent.partnerships.through
    through.objects.bulk_create(
        through(timelineevent_id=event.pk, partnership_id=partnerships[n % 20].pk) for n, event in enumerate(events)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    plan = TimelineEvent.objects.published().newest_first()[:20].explain()
    assert "event_published_newest_idx" in plan, plan
