import datetime
import io

import pytest
from django.core.management import call_command

from demo.models import SeedRecord
from partnerships.models import (
    Benefit,
    ChinesePlace,
    Council,
    LinkStatus,
    Partnership,
    ProcessStep,
    Quote,
    Statistic,
    TimelineEvent,
)
from schools.models import SisterSchoolLink, UKSchool

pytestmark = pytest.mark.django_db
COUNTED = [
    Council,
    ChinesePlace,
    Partnership,
    TimelineEvent,
    Quote,
    Statistic,
    ProcessStep,
    Benefit,
    UKSchool,
    SisterSchoolLink,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_loading_twice_creates_nothing_the_second_time(demo_content):
    first = counts()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert counts() == first
    assert "nothing to add" in out.getvalue()


def test_loading_again_keeps_staff_edits_and_deletions(demo_content):
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    partnership.summary_en = "Edited by staff."
    partnership.save()
    TimelineEvent.objects.filter(title_en__startswith="Ningbo's gift of stone lions").delete()
    call_command("load_demo_content", stdout=io.StringIO())
    assert Partnership.objects.get(slug="nottingham-ningbo").summary_en == "Edited by staff."
    assert not TimelineEvent.objects.filter(title_en__startswith="Ningbo's gift of stone lions").exists()


def test_all_sourced_partnerships_are_loaded(demo_content):
    assert Partnership.objects.count() == 40  # 35 current + 5 ended rows
    assert Partnership.objects.filter(status=LinkStatus.ENDED).count() == 5
    newcastle = Partnership.objects.get(slug="newcastle-upon-tyne-taiyuan")
    assert (newcastle.year_established, newcastle.year_ended) == (1985, 2022)
    assert SeedRecord.objects.filter(key__startswith="partnership:").count() == 40


def test_low_confidence_rows_are_drafts(demo_content):
    drafts = set(Partnership.objects.filter(is_published=False).values_list("slug", flat=True))
    assert drafts == {"guildford-dongying", "swansea-nantong"}


def test_nottingham_ningbo_uses_the_corrected_year_and_places(demo_content):
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    assert partnership.year_established == 2005
    assert partnership.chinese_place.name_zh_hans == "宁波"
    assert partnership.chinese_place.province.name_en == "Zhejiang Province"
    assert partnership.chinese_place.province.name_zh_hans == "浙江省"
    assert partnership.area.slug == "nottingham-nottinghamshire"
    assert partnership.is_published and partnership.is_featured
    assert round(partnership.distance_miles, -1) == 5760
    assert Partnership.objects.get(slug="nottinghamshire-zhejiang-province").area == partnership.area


def test_robin_hood_statue_event_is_published_in_2015_on_nottingham_ningbo(demo_content):
    event = TimelineEvent.objects.get(title_en__icontains="Robin Hood")
    assert event.date.year == 2015
    assert event.is_published
    assert list(event.partnerships.values_list("slug", flat=True)) == ["nottingham-ningbo"]


def test_campus_event_is_2004_and_unverified_claims_are_drafts(demo_content):
    campus = TimelineEvent.objects.get(title_en__icontains="campus in Ningbo")
    assert campus.date == datetime.date(2004, 9, 1)
    assert not TimelineEvent.objects.get(title_en__icontains="Sister City of the Year").is_published
    assert not TimelineEvent.objects.get(title_en__icontains="#NottsChina").is_published


def test_source_page_schools_quote_and_copy_are_present(demo_content):
    names = set(UKSchool.objects.values_list("name", flat=True))
    assert {"The Fernwood School", "The Joseph Whitaker School"} <= names
    assert any("NUAST" in name for name in names)
    quote = Quote.objects.get()
    assert (quote.speaker_en, quote.speaker_zh_hans) == ("Gary Miller", "加里·米勒")  # "Cllr" is in the role
    assert quote.role_en == "Councillor and Deputy Mayor of Liverpool"
    assert quote.partnership.slug == "liverpool-shanghai"
    assert ProcessStep.objects.count() == 4
    assert Benefit.objects.count() == 6
    cifca = Statistic.objects.get(value="52")
    assert cifca.source_name_en == "China International Friendship Cities Association"
    assert (cifca.as_of_year, cifca.is_approximate_date) == (2014, True)


def test_every_place_has_a_chinese_name_and_known_coordinates(demo_content):
    assert not Council.objects.filter(name_zh_hans="").exists()
    assert not ChinesePlace.objects.filter(name_zh_hans="").exists()
    assert not ChinesePlace.objects.filter(kind="city", latitude__isnull=True).exists()
