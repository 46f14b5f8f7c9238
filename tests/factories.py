"""Factories for the tests: valid defaults, unique slugs, nothing published by accident."""

import datetime
import uuid

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from enquiries.models import PartnershipEnquiry
from partnerships.models import ChinesePlace, Council, Partnership, TimelineEvent, UKRegion
from schools.models import ChineseSchool, SisterSchoolLink, UKSchool


class CouncilFactory(DjangoModelFactory):
    class Meta:
        model = Council

    name_en = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    kind = "city"
    region = UKRegion.EAST_MIDLANDS
    latitude = "52.95000"
    longitude = "-1.15000"


class ChinesePlaceFactory(DjangoModelFactory):
    class Meta:
        model = ChinesePlace

    name_en = factory.Sequence(lambda n: f"City {n}")
    name_zh_hans = factory.Sequence(lambda n: f"城市{n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    kind = "city"
    latitude = "29.87000"
    longitude = "121.54000"


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    council = factory.SubFactory(CouncilFactory)
    chinese_place = factory.SubFactory(ChinesePlaceFactory)
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    kind = "sister-city"
    year_established = 2005
    summary_en = "A partnership."
    is_published = True


class TimelineEventFactory(DjangoModelFactory):
    class Meta:
        model = TimelineEvent
        skip_postgeneration_save = True

    date = datetime.date(2015, 11, 5)
    precision = "day"
    title_en = factory.Sequence(lambda n: f"Event {n}")
    category = "culture"
    is_published = True

    @factory.post_generation
    def partnerships(self, create, extracted, **kwargs):
        if create:
            self.partnerships.set(extracted or [PartnershipFactory()])


class UKSchoolFactory(DjangoModelFactory):
    class Meta:
        model = UKSchool

    name = factory.Sequence(lambda n: f"School {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")
    council = factory.SubFactory(CouncilFactory)
    town = "Nottingham"
    is_published = True


class ChineseSchoolFactory(DjangoModelFactory):
    class Meta:
        model = ChineseSchool

    name_en = factory.Sequence(lambda n: f"Ningbo School {n}")
    name_zh_hans = factory.Sequence(lambda n: f"宁波学校{n}")
    city = factory.SubFactory(ChinesePlaceFactory)


class SisterSchoolLinkFactory(DjangoModelFactory):
    class Meta:
        model = SisterSchoolLink

    uk_school = factory.SubFactory(UKSchoolFactory)
    chinese_school = factory.SubFactory(ChineseSchoolFactory)
    year_started = 2018
    activities_en = "Exchange visits."
    is_published = True


class PartnershipEnquiryFactory(DjangoModelFactory):
    class Meta:
        model = PartnershipEnquiry

    reference = factory.Sequence(lambda n: f"TEP-2026-{n + 9000:04d}")
    submission_token = factory.LazyFunction(uuid.uuid4)
    organisation_name = factory.Sequence(lambda n: f"Borough Council {n}")
    organisation_type = "council"
    contact_name = "Alex Jones"
    job_title = "Policy Officer"
    email = factory.Sequence(lambda n: f"person{n}@council.example.org")
    region = "east-midlands"
    interest_sister_city = True
    message = "Please get in touch."
    privacy_agreed_at = factory.LazyFunction(timezone.now)

    class Params:
        # A Chinese organisation seeking a UK partner.
        chinese = factory.Trait(
            side="china",
            organisation_type="education-bureau",
            region="",
            china_province="zhejiang",
            city="Ningbo",
            organisation_name=factory.Sequence(lambda n: f"宁波市教育局{n}"),
        )
