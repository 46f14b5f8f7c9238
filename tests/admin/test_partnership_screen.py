"""Issue 11, point 4: one screen per partnership (events, school links and quotes inline), the
event list's partnership column and filter, and the "missing Chinese text" filter and marker."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.models import EventPartnership, Partnership, Quote, TimelineEvent
from schools.models import SisterSchoolLink
from tests.factories import (
    ChineseSchoolFactory,
    PartnershipFactory,
    TimelineEventFactory,
    UKSchoolFactory,
)
from tests.fetch import text_of

from .support import CONTENT_EDITORS, admin_url, staff_user, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(staff_user(django_user_model, CONTENT_EDITORS))
    return client


def test_partnership_page_edits_events_school_links_and_quotes_at_once(editor_client):
    partnership = PartnershipFactory(is_published=False)
    event = TimelineEventFactory(title_en="Delegation to Ningbo", date=datetime.date(2019, 5, 1), partnerships=[])
    uk_school = UKSchoolFactory(council=partnership.council, name="Bluecoat Academy")
    chinese_school = ChineseSchoolFactory(city=partnership.chinese_place)
    url = admin_url(Partnership, "change", partnership.pk)
    data = submitted(editor_client, Partnership, url)
    data.update(
        {
            "event_links-TOTAL_FORMS": "1",
            "event_links-0-timelineevent": str(event.pk),
            "event_links-0-partnership": str(partnership.pk),
            "school_links-TOTAL_FORMS": "1",
            "school_links-0-uk_school": str(uk_school.pk),
            "school_links-0-chinese_school": str(chinese_school.pk),
            "school_links-0-year_started": "2018",
            "school_links-0-activities_en": "<p>Pen pals and <strong>a visit</strong>.</p>",
            "school_links-0-activities_zh_hans": "笔友和互访。",
            "school_links-0-is_published": "on",
            "quotes-TOTAL_FORMS": "1",
            "quotes-0-text_en": "A friendship that lasts.",
            "quotes-0-text_zh_hans": "长久的友谊。",
            "quotes-0-speaker_en": "Lord Mayor",
            "quotes-0-is_published": "on",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.context and [
        formset.errors for formset in response.context["inline_admin_formsets"]
    ]
    assert list(partnership.events.all()) == [event]
    link = SisterSchoolLink.objects.get(partnership=partnership)
    assert (link.uk_school, link.chinese_school, link.year_started) == (uk_school, chinese_school, 2018)
    assert Quote.objects.get(partnership=partnership).speaker == "Lord Mayor"

    page = editor_client.get(url).content.decode()
    # The event row reads as the event, not "TimelineEvent_partnerships object (20)".
    assert "2019: Delegation to Ningbo" in page
    assert "object (" not in page
    assert "Bluecoat Academy" in page


def test_partnership_change_form_queries_do_not_grow_with_its_rows(editor_client):
    def queries_for(partnership):
        url = admin_url(Partnership, "change", partnership.pk)
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == HTTPStatus.OK
        return len(queries)

    small, large = PartnershipFactory(), PartnershipFactory()
    for partnership, count in ((small, 1), (large, 8)):
        for n in range(count):
            TimelineEventFactory(partnerships=[partnership])
            SisterSchoolLink.objects.create(
                uk_school=UKSchoolFactory(), chinese_school=ChineseSchoolFactory(), partnership=partnership
            )
            Quote.objects.create(partnership=partnership, speaker=f"S{n}", text_en="Q")
    queries_for(small)  # warm the content-type and permission caches
    assert queries_for(small) == queries_for(large)


def test_event_needs_a_partnership_and_lists_them(editor_client):
    partnership = PartnershipFactory()
    url = admin_url(TimelineEvent, "add")
    data = submitted(editor_client, TimelineEvent, url)
    data.update({"date": "2019-05-01", "precision": "day", "title_en": "Delegation", "category": "civic"})
    response = editor_client.post(url, data)
    assert response.status_code == HTTPStatus.OK
    links = response.context["inline_admin_formsets"][0].formset
    assert links.errors[0] == {"partnership": ["This field is required."]}
    assert not TimelineEvent.objects.exists()

    data.update({"partnership_links-TOTAL_FORMS": "1", "partnership_links-0-partnership": str(partnership.pk)})
    response = editor_client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, (
        response.context["adminform"].form.errors,
        [f.formset.errors for f in response.context["inline_admin_formsets"]],
    )
    event = TimelineEvent.objects.get()
    assert list(event.partnerships.all()) == [partnership]


def test_event_list_shows_partnerships_and_filters_in_fixed_queries(editor_client):
    def changelist_queries(**params):
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(admin_url(TimelineEvent), params)
        assert response.status_code == HTTPStatus.OK
        return len(queries), response

    first = PartnershipFactory()
    TimelineEventFactory(title_en="Delegation", partnerships=[first])
    changelist_queries()
    few, _ = changelist_queries()
    others = [PartnershipFactory() for _ in range(30)]
    for partnership in others:
        TimelineEventFactory(title_en="Delegation", partnerships=[partnership, first])
    many, response = changelist_queries()
    assert few == many  # was two queries per partnership
    assert str(others[0]) in text_of(response.content.decode())  # the partnerships column

    # Choosing one costs one more query (its name for the filter), whatever the number of rows.
    count, response = changelist_queries(partnerships__id__exact=str(others[0].pk))
    assert count == many + 1
    assert str(others[0]) in response.content.decode().split('class="tep-filter-autocomplete"')[1]
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("value", ["abc", "²", "99999999999999999999999", "-1", "0"])
def test_event_partnership_filter_ignores_nonsense(editor_client, value):
    TimelineEventFactory()
    response = editor_client.get(admin_url(TimelineEvent), {"partnerships__id__exact": value})
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    if response.status_code == HTTPStatus.OK:
        assert response.context["cl"].result_count == 0


def test_missing_chinese_filter_and_marker(editor_client):
    complete = TimelineEventFactory(title_en="Visit", title_zh_hans="访问")
    missing = TimelineEventFactory(title_en="Signing")
    response = editor_client.get(admin_url(TimelineEvent), {"chinese": "missing"})
    assert list(response.context["cl"].result_list) == [missing]
    response = editor_client.get(admin_url(TimelineEvent), {"chinese": "complete"})
    assert list(response.context["cl"].result_list) == [complete]
    # The marker column: one "yes" icon for the row without Chinese.
    response = editor_client.get(admin_url(TimelineEvent))
    html = response.content.decode()
    assert "Chinese missing" in html
    rows = {
        title: row
        for row in re.findall(r"<tr.*?</tr>", html, re.S)
        for title in ("Visit", "Signing")
        if f">{title}<" in row
    }
    assert 'alt="True"' in rows["Signing"].split("field-chinese_missing")[1]
    assert 'alt="False"' in rows["Visit"].split("field-chinese_missing")[1]


def test_every_translatable_model_has_the_chinese_filter(admin_client):
    from modeltranslation.translator import translator

    from tep_portal.translation_status import MissingChineseFilter

    for model in translator.get_registered_models(abstract=False):
        # The organisation's details are one record: no list to filter.
        if model not in admin.site._registry or model._meta.label == "tep_portal.Organisation":
            continue
        model_admin = admin.site._registry[model]
        request = admin_client.get(admin_url(model)).wsgi_request
        assert MissingChineseFilter in model_admin.get_list_filter(request), model
        assert "chinese_missing" in model_admin.get_list_display(request), model


def test_event_links_are_stored_in_the_same_table(db):
    event = TimelineEventFactory()
    assert EventPartnership._meta.db_table == "partnerships_timelineevent_partnerships"
    assert EventPartnership.objects.filter(timelineevent=event).count() == 1
