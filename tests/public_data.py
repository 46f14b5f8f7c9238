"""Data sets of any size for the public pages' query budgets.

Every partnership gets what its page shows (events, a school link, a quote, an
area), so a page that queried per row would cost more on the large set.
"""

import datetime

from partnerships.models import Area, Benefit, Page, ProcessStep, Quote, Statistic
from tests.factories import (
    ChineseSchoolFactory,
    PartnershipFactory,
    SisterSchoolLinkFactory,
    TimelineEventFactory,
    UKSchoolFactory,
)


def build_public_site(size):
    areas = [Area.objects.create(name_en=f"Area {n}", slug=f"area-{n}") for n in range(max(1, size // 10))]
    for slug in ("home", "about", "process", "benefits"):
        Page.objects.create(slug=slug, title_en=f"{slug.title()} page", introduction_en=f"About {slug}.")
    partnerships = []
    for n in range(size):
        partnership = PartnershipFactory(area=areas[n % len(areas)], is_featured=n < 3, year_established=1980 + n)
        partnerships.append(partnership)
        for offset in range(2):
            TimelineEventFactory(
                partnerships=[partnership],
                date=datetime.date(2000 + n % 20, 1 + offset, 1),
                precision="month",
            )
        school = UKSchoolFactory(council=partnership.council)
        chinese_school = ChineseSchoolFactory(city=partnership.chinese_place)
        SisterSchoolLinkFactory(uk_school=school, chinese_school=chinese_school, partnership=partnership)
        school.events.add(*partnership.events.all())
        Quote.objects.create(
            partnership=partnership, speaker=f"Speaker {n}", text_en="It went well.", is_published=True
        )
        Statistic.objects.create(
            value=str(n), label_en=f"things {n}", source_name_en="A source", as_of_year=2014, is_published=True
        )
        ProcessStep.objects.create(title_en=f"Step {n}", text_en="Do it.", position=n, is_published=True)
        Benefit.objects.create(text_en=f"Benefit {n}", position=n, is_published=True)
    return partnerships
