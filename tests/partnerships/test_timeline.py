"""The timeline page, its filters and its RSS feed."""

import datetime
import re
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest

from partnerships.models import TimelineEvent
from tests.factories import PartnershipFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db

PUBLISHED_EVENTS = 16  # 19 in the demo content, 3 drafts


def timeline(client, query="", status=HTTPStatus.OK):
    response = client.get(f"/timeline/{query}")
    assert response.status_code == status
    body = response.content.decode()
    ids = [int(pk) for pk in re.findall(r'<li class="event" id="event-(\d+)">', body)]
    return ids, body


def test_timeline_lists_published_events_newest_first(client, demo_content):
    ids, body = timeline(client)
    assert len(ids) == PUBLISHED_EVENTS
    assert ids == list(TimelineEvent.objects.published().newest_first().values_list("pk", flat=True))
    assert "Robin Hood" in body
    assert "Sister City of the Year" not in body


def test_each_event_has_an_anchor_and_its_date_at_its_precision(client, demo_content):
    _, body = timeline(client)
    event = TimelineEvent.objects.get(title_en__startswith="Robin Hood")
    assert f'id="event-{event.pk}"' in body
    assert '<time datetime="2015-11-05">5 November 2015</time>' in body
    assert '<time datetime="2004-09">September 2004</time>' in body
    assert '<time datetime="2014">2014</time>' in body
    assert event.get_absolute_url() == f"/timeline/#event-{event.pk}"


def test_events_link_to_their_partnership(client, demo_content):
    _, body = timeline(client)
    link = '"/partnerships/nottingham-ningbo/">Nottingham – Ningbo <span class="name" lang="zh-Hans">宁波</span></a>'
    assert link in body


def test_filter_by_year(client, demo_content):
    ids, body = timeline(client, "?year=2019")
    assert ids == list(
        TimelineEvent.objects.published().filter(date__year=2019).newest_first().values_list("pk", flat=True)
    )
    assert len(ids) == 5
    assert '<option value="2019" selected>2019</option>' in body


def test_filter_by_category(client, demo_content):
    ids, _ = timeline(client, "?category=trade")
    assert {TimelineEvent.objects.get(pk=pk).category for pk in ids} == {"trade"}
    assert len(ids) == 5


def test_filter_by_partnership(client, demo_content):
    ids, _ = timeline(client, "?partnership=liverpool-shanghai")
    titles = [TimelineEvent.objects.get(pk=pk).title for pk in ids]
    assert titles == [
        "20th anniversary of Liverpool–Shanghai, championed by TEP",
        "Liverpool and Shanghai become sister cities",
    ]


def test_filters_combine(client, demo_content):
    ids, _ = timeline(client, "?partnership=nottingham-ningbo&year=2019&category=education")
    titles = {TimelineEvent.objects.get(pk=pk).title for pk in ids}
    assert titles == {
        "Mandarin lessons begin at Fernwood School",
        "Nottingham schools host their Ningbo sister schools",
        "Nottingham schools visit Ningbo",
    }


def test_no_matching_events_says_so(client, demo_content):
    ids, body = timeline(client, "?partnership=liverpool-shanghai&category=trade")
    assert ids == []
    assert "No events match these filters." in body
    assert 'href="/timeline/">Clear all filters</a>' in body


@pytest.mark.parametrize(
    "query",
    [
        "?year=1850",
        "?year=abc",
        "?year=2030",
        "?category=war",
    ],
)
def test_bad_filter_values_are_reported_not_applied(client, demo_content, query):
    ids, body = timeline(client, query)
    assert "Select a valid choice." in body
    assert len(ids) == PUBLISHED_EVENTS


def test_the_partnership_filter_is_a_search_by_place_not_a_list(client, demo_content):
    places = ("Ningbo", "ningbo", "宁波", "宁波市", "Nottingham")  # 宁波市: with its suffix, as officials write it
    by_place = {timeline(client, f"?partnership={text}")[0][0] for text in places}
    nottingham_ningbo, _ = timeline(client, "?partnership=nottingham-ningbo")  # a slug, from an older link
    assert by_place == {nottingham_ningbo[0]}
    _, body = timeline(client)
    assert 'name="partnership"' in body and 'type="search"' in body
    assert 'option value="nottingham-ningbo"' not in body


@pytest.mark.parametrize("text", ["atlantis", "guildford-dongying"])  # the second is not published
def test_a_partnership_search_that_matches_no_partnership_is_reported_not_applied(client, demo_content, text):
    ids, body = timeline(client, f"?partnership={text}")
    assert f"No partnership matches “{text}”." in body
    assert len(ids) == PUBLISHED_EVENTS


def test_a_partnership_without_events_shows_none(client, demo_content):
    ids, body = timeline(client, f"?partnership={PartnershipFactory().slug}")
    assert ids == []
    assert "No events match these filters." in body


@pytest.mark.parametrize("page", ["abc", "99999", "0", "3"])
def test_impossible_page_is_not_found(client, demo_content, page):
    timeline(client, f"?page={page}", status=HTTPStatus.NOT_FOUND)


def test_timeline_pages(client, db):
    partnership = PartnershipFactory()
    for day in range(1, 26):
        TimelineEventFactory(partnerships=[partnership], date=datetime.date(2020, 1, day))
    first, body = timeline(client)
    second, _ = timeline(client, "?page=2")
    assert len(first) == 20 and len(second) == 5
    assert 'href="?page=2"' in body


def test_events_of_an_unpublished_partnership_do_not_link_to_it(client, db):
    draft = PartnershipFactory(is_published=False, slug="draft-link")
    TimelineEventFactory(partnerships=[draft, PartnershipFactory()], title_en="A shared event")
    _, body = timeline(client)
    assert "A shared event" in body
    assert "/partnerships/draft-link/" not in body


# Feed ------------------------------------------------------------------------------


def parse_feed(content):
    return ET.fromstring(content).find("channel")  # noqa: S314 - our own feed, not untrusted input


def test_feed_lists_published_events_with_their_precision(client, demo_content):
    response = client.get("/timeline/feed/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_feed(response.content)
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert len(titles) == PUBLISHED_EVENTS
    assert titles[0] == "6 December 2021: Second five-year plan signed (2021–25)"
    assert "September 2004: University of Nottingham opens its campus in Ningbo" in titles
    assert "2014: Nottingham names the Ningbo Friendship Bridge" in titles
    assert not any("Sister City of the Year" in title for title in titles)
    robin_hood = TimelineEvent.objects.get(title_en__startswith="Robin Hood")
    links = [item.findtext("link") for item in channel.findall("item")]
    assert f"http://testserver/timeline/#event-{robin_hood.pk}" in links
    assert channel.findtext("link") == "http://testserver/timeline/"


def test_feed_in_chinese(client, demo_content):
    response = client.get("/zh-hans/timeline/feed/")
    channel = parse_feed(response.content)
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert "2015年11月5日：罗宾汉雕像复制品在宁波揭幕" in titles  # a full-width colon, no space
    assert "2019年：利物浦与上海结好20周年，TEP协助举办庆祝活动" in titles  # a year-only event takes 年


def test_the_count_follows_every_edit_with_the_page_cache_off(client, settings):
    """The number of events is kept per content generation and filters: an edit shows at once."""
    settings.PAGE_CACHE_ENABLED = False
    partnership = PartnershipFactory()
    TimelineEventFactory.create_batch(2, partnerships=[partnership])

    def counted():
        return re.search(r'results__count">(\d+) events?<', client.get("/timeline/").content.decode()).group(1)

    assert counted() == "2"
    assert counted() == "2"
    TimelineEventFactory(partnerships=[partnership])
    assert counted() == "3"
