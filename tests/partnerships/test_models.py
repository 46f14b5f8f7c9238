import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnerships.models import LinkStatus, Partnership, TimelineEvent, UKNation
from tests.factories import ChinesePlaceFactory, CouncilFactory, PartnershipFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db


def test_partnership_pair_cannot_be_duplicated():
    partnership = PartnershipFactory()
    duplicate = Partnership(
        council=partnership.council, chinese_place=partnership.chinese_place, slug="other", kind="twin-city"
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "__all__" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_partnership_slug_is_unique():
    PartnershipFactory(slug="nottingham-ningbo")
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipFactory(slug="nottingham-ningbo")


@pytest.mark.parametrize("year", [1899, 2101])
def test_year_established_outside_1900_2100_is_refused(year):
    partnership = PartnershipFactory.build(
        council=CouncilFactory(), chinese_place=ChinesePlaceFactory(), year_established=year
    )
    with pytest.raises(ValidationError) as error:
        partnership.full_clean()
    assert "year_established" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        partnership.save()


def test_ended_partnership_needs_end_year_not_before_start():
    partnership = PartnershipFactory(year_established=2016)
    partnership.status = LinkStatus.ENDED
    with pytest.raises(ValidationError, match="ended"):
        partnership.full_clean()
    partnership.year_ended = 2015
    with pytest.raises(ValidationError, match="cannot end before"):
        partnership.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        partnership.save()
    partnership.year_ended = 2020
    partnership.full_clean()
    partnership.save()
    assert Partnership.objects.get(pk=partnership.pk).year_ended == 2020


def test_active_partnership_cannot_have_end_year():
    partnership = PartnershipFactory()
    partnership.year_ended = 2020
    with pytest.raises(ValidationError, match="Only an ended partnership"):
        partnership.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        partnership.save()


@pytest.mark.parametrize(("lat", "lon"), [("91", "0"), ("-90.5", "0"), ("0", "181"), ("0", "-180.1")])
def test_coordinates_out_of_range_are_refused(lat, lon):
    council = CouncilFactory.build(latitude=lat, longitude=lon)
    with pytest.raises(ValidationError):
        council.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        council.save()


def test_coordinates_come_in_pairs():
    place = ChinesePlaceFactory.build(latitude="30.1", longitude=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        place.save()


def test_hero_image_needs_a_description():
    partnership = PartnershipFactory()
    partnership.hero_image = "partnerships/photo.jpg"
    with pytest.raises(ValidationError) as error:
        partnership.full_clean()
    assert "hero_image_alt" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        partnership.save()


def test_distance_nottingham_ningbo_matches_the_fact_check():
    nottingham = CouncilFactory(latitude="52.9548", longitude="-1.1581")
    ningbo = ChinesePlaceFactory(latitude="29.8683", longitude="121.5440")
    partnership = PartnershipFactory(council=nottingham, chinese_place=ningbo)
    # Fact check: 9,272 km / 5,761 miles on a sphere of radius 6,371 km.
    assert round(partnership.distance_km) == 9272
    assert round(partnership.distance_miles) == 5761


def test_distance_is_unknown_without_coordinates():
    partnership = PartnershipFactory(chinese_place=ChinesePlaceFactory(latitude=None, longitude=None))
    assert partnership.distance_km is None
    assert partnership.distance_miles is None


def test_council_nation_follows_region():
    assert CouncilFactory(region="wales").nation == UKNation.WALES
    assert CouncilFactory(region="east-midlands").nation == UKNation.ENGLAND
    assert CouncilFactory(region="northern-ireland").get_nation_display() == "Northern Ireland"


def test_event_year_precision_is_stored_as_first_day_of_the_year():
    event = TimelineEventFactory(date=datetime.date(2004, 9, 14), precision="year")
    event.full_clean()
    assert event.date == datetime.date(2004, 1, 1)
    event.precision = "month"
    event.date = datetime.date(2019, 7, 20)
    event.full_clean()
    assert event.date == datetime.date(2019, 7, 1)


def test_event_category_is_constrained_in_the_database():
    event = TimelineEventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        TimelineEvent.objects.filter(pk=event.pk).update(category="gossip")


def test_events_order_chronologically():
    partnership = PartnershipFactory()
    late = TimelineEventFactory(date=datetime.date(2019, 7, 1), partnerships=[partnership])
    early = TimelineEventFactory(date=datetime.date(2004, 1, 1), partnerships=[partnership])
    assert list(partnership.events.all()) == [early, late]
    assert list(TimelineEvent.objects.newest_first()) == [late, early]


def test_search_matches_english_and_chinese_names():
    partnership = PartnershipFactory(chinese_place=ChinesePlaceFactory(name_en="Ningbo", name_zh_hans="宁波"))
    PartnershipFactory()
    assert list(Partnership.objects.search("ningbo")) == [partnership]
    assert list(Partnership.objects.search("宁波")) == [partnership]


def test_search_matches_chinese_names_stored_or_typed_with_or_without_a_suffix():
    short = PartnershipFactory(chinese_place=ChinesePlaceFactory(name_zh_hans="宁波"))
    full = PartnershipFactory(chinese_place=ChinesePlaceFactory(name_zh_hans="温州市"))
    province = ChinesePlaceFactory(name_zh_hans="广西壮族自治区", kind="autonomous-region")
    in_province = PartnershipFactory(chinese_place=ChinesePlaceFactory(name_zh_hans="梧州", province=province))
    uk = PartnershipFactory(council=CouncilFactory(name_zh_hans="诺丁汉"))
    for typed, found in [
        ("宁波", short),
        ("宁波市", short),
        ("温州", full),
        ("温州市", full),
        ("广西", in_province),
        ("广西壮族自治区", in_province),
        ("诺丁汉市", uk),
    ]:
        assert list(Partnership.objects.search(typed)) == [found], typed
