"""The large data set `make bench` measures against, written with bulk_create.

On top of the demo content: 500 councils, 40 provinces and 400 cities, 2,000
partnerships, 20,000 timeline events (linked to partnerships and schools),
2,000 UK schools with 2,500 sister-school links, 2,000 quotes and 50,000
enquiries spread over three years, with notes and status history. Random but
seeded, so every run builds the same data. Runs inside a configured Django
(scripts/bench_django.py calls generate()).
"""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone, translation

from enquiries.choices import (
    CLOSED_ENQUIRY_STATUSES,
    INTEREST_FIELDS,
    SIDE_INTERESTS,
    SIDE_ORGANISATION_TYPES,
    EnquirySide,
    EnquiryStatus,
)
from enquiries.models import EnquiryNote, EnquiryStatusChange, PartnershipEnquiry
from partnerships.models import (
    AuthorityKind,
    ChinesePlace,
    ChinesePlaceKind,
    Confidence,
    Council,
    EventCategory,
    LinkKind,
    LinkStatus,
    Partnership,
    Quote,
    TimelineEvent,
    UKRegion,
)
from schools.models import ChineseSchool, SchoolPhase, SisterSchoolLink, UKSchool

SIZES = {
    "councils": 500,
    "provinces": 40,
    "cities": 400,
    "partnerships": 2000,
    "events": 20000,
    "uk_schools": 2000,
    "chinese_schools": 1000,
    "school_links": 2500,
    "quotes": 2000,
    "enquiries": 50000,
}
BATCH = 2000
STORY = (
    "Officers from both cities met to agree a programme of visits, school exchanges and trade missions. "
    "The partnership has since grown to include universities, museums and sports clubs.\n\n"
    "Each year a delegation travels in one direction or the other, and a joint committee reviews the plan."
)
STORY_ZH = "两市官员会面，商定互访、学校交流和贸易代表团计划。此后，合作扩展到大学、博物馆和体育俱乐部。"


def generate(*, admin_username, admin_password):
    """Fill an empty, migrated database. Returns what the benchmark needs to know."""
    rng = random.Random(2026)  # noqa: S311 - test data, not security
    translation.activate("en")
    call_command("load_demo_content", verbosity=0)
    with transaction.atomic():
        councils, cities = _places(rng)
        partnerships = _partnerships(rng, councils, cities)
        schools = _schools(rng, councils, cities, partnerships)
        _events(rng, partnerships, schools)
        _quotes(rng, partnerships)
    staff = _staff(admin_username, admin_password)
    with transaction.atomic():
        _enquiries(rng, partnerships, staff)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as a database in service has
    busiest = Partnership.objects.filter(slug__startswith="bench-", is_published=True).order_by("pk").first()
    school = UKSchool.objects.filter(slug__startswith="bench-", is_published=True).order_by("pk").first()
    event = TimelineEvent.objects.filter(partnerships=busiest).order_by("pk").first()
    return {
        "partnership": busiest.slug,
        "school": school.slug,
        "partnership_pk": busiest.pk,
        "event_pk": event.pk,
        "school_pk": school.pk,
    }


def _places(rng):
    regions = list(UKRegion.values)
    councils = Council.objects.bulk_create(
        [
            Council(
                name_en=f"Benchford {i}",
                name_zh_hans=f"本奇福德{i}",
                slug=f"bench-council-{i}",
                kind=rng.choice(AuthorityKind.values),
                region=regions[i % len(regions)],
                latitude=round(rng.uniform(50.0, 58.5), 5),
                longitude=round(rng.uniform(-5.5, 1.7), 5),
                website=f"https://council-{i}.example.org/",
            )
            for i in range(SIZES["councils"])
        ],
        batch_size=BATCH,
    )
    provinces = ChinesePlace.objects.bulk_create(
        [
            ChinesePlace(
                name_en=f"Bench Province {i}",
                name_zh_hans=f"测试省{i}",
                slug=f"bench-province-{i}",
                kind=ChinesePlaceKind.PROVINCE,
            )
            for i in range(SIZES["provinces"])
        ]
    )
    cities = ChinesePlace.objects.bulk_create(
        [
            ChinesePlace(
                name_en=f"Bench City {i}",
                name_zh_hans=f"测试市{i}",
                slug=f"bench-city-{i}",
                kind=ChinesePlaceKind.CITY,
                province=provinces[i % len(provinces)],
                latitude=round(rng.uniform(20.0, 45.0), 5),
                longitude=round(rng.uniform(100.0, 122.0), 5),
            )
            for i in range(SIZES["cities"])
        ],
        batch_size=BATCH,
    )
    return councils, cities


def _partnerships(rng, councils, cities):
    rows = []
    for i in range(SIZES["partnerships"]):
        # Four cities per council, never the same pair twice (97·k mod 400 differs for k < 4).
        council = councils[i % len(councils)]
        city = cities[(i % len(councils) + 97 * (i // len(councils))) % len(cities)]
        established = rng.randint(1980, 2024)
        status = rng.choices(LinkStatus.values, weights=[85, 10, 5])[0]
        rows.append(
            Partnership(
                slug=f"bench-{council.slug[6:]}-{city.slug[6:]}",
                council=council,
                chinese_place=city,
                kind=rng.choice(LinkKind.values),
                year_established=established,
                status=status,
                year_ended=rng.randint(established, 2025) if status == LinkStatus.ENDED else None,
                confidence=rng.choice(Confidence.values),
                source_url=f"https://news.example.org/{i}",
                summary_en=f"{council.name_en} and {city.name_en} have worked together since {established}.",
                summary_zh_hans=f"{council.name_zh_hans}与{city.name_zh_hans}自{established}年起开展合作。",
                body_en=STORY,
                body_zh_hans=STORY_ZH,
                is_published=i % 10 != 9,
                is_featured=i < 6,
            )
        )
    return Partnership.objects.bulk_create(rows, batch_size=BATCH)


def _schools(rng, councils, cities, partnerships):
    uk_schools = UKSchool.objects.bulk_create(
        [
            UKSchool(
                name=f"Benchford Academy {i}",
                slug=f"bench-school-{i}",
                council=councils[i % len(councils)],
                town=f"Benchford {i % len(councils)}",
                phase=rng.choice(SchoolPhase.values),
                website=f"https://school-{i}.example.org/",
                summary_en="A school with a sister school in China: pen friends, visits and a shared science project.",
                is_published=i % 20 != 19,
            )
            for i in range(SIZES["uk_schools"])
        ],
        batch_size=BATCH,
    )
    chinese_schools = ChineseSchool.objects.bulk_create(
        [
            ChineseSchool(
                name_en=f"Bench Middle School No. {i}", name_zh_hans=f"测试第{i}中学", city=cities[i % len(cities)]
            )
            for i in range(SIZES["chinese_schools"])
        ],
        batch_size=BATCH,
    )
    links = []
    for i in range(SIZES["school_links"]):
        school = uk_schools[i % len(uk_schools)]
        # A second link for the first 500 schools, to a different Chinese school.
        chinese = chinese_schools[(7 * i + (3 if i >= len(uk_schools) else 0)) % len(chinese_schools)]
        links.append(
            SisterSchoolLink(
                uk_school=school,
                chinese_school=chinese,
                partnership=partnerships[i % len(partnerships)] if i % 3 == 0 else None,
                year_started=rng.randint(2000, 2024),
                activities_en="Letters, video calls and a summer exchange.",
                is_published=True,
            )
        )
    SisterSchoolLink.objects.bulk_create(links, batch_size=BATCH)
    return uk_schools


def _events(rng, partnerships, schools):
    start = datetime.date(1985, 1, 1).toordinal()
    events = TimelineEvent.objects.bulk_create(
        [
            TimelineEvent(
                date=datetime.date.fromordinal(rng.randint(start, datetime.date(2025, 12, 31).toordinal())),
                precision="day",
                title_en=f"Delegation visit and signing ceremony no. {i}",
                title_zh_hans=f"代表团访问及签约仪式 第{i}号",
                text_en="The two delegations visited schools and a science park, and signed a memorandum.",
                category=rng.choice(EventCategory.values),
                source_url=f"https://news.example.org/event/{i}",
                is_published=i % 25 != 24,
            )
            for i in range(SIZES["events"])
        ],
        batch_size=BATCH,
    )
    to_partnership, to_school = TimelineEvent.partnerships.through, TimelineEvent.schools.through
    links, school_links = [], []
    for i, event in enumerate(events):
        links.append(to_partnership(timelineevent_id=event.pk, partnership_id=partnerships[i % len(partnerships)].pk))
        if i % 5 == 0:  # some events concern two partnerships
            other = partnerships[(i * 7 + 1) % len(partnerships)]
            if other.pk != partnerships[i % len(partnerships)].pk:
                links.append(to_partnership(timelineevent_id=event.pk, partnership_id=other.pk))
        if i % 4 == 0:
            school_links.append(to_school(timelineevent_id=event.pk, ukschool_id=schools[i % len(schools)].pk))
    to_partnership.objects.bulk_create(links, batch_size=BATCH * 2)
    to_school.objects.bulk_create(school_links, batch_size=BATCH * 2)


def _quotes(rng, partnerships):
    Quote.objects.bulk_create(
        [
            Quote(
                text_en="This partnership has opened doors for our young people.",
                speaker=f"Councillor {i}",
                role="Leader of the council",
                partnership=partnerships[i % len(partnerships)],
                is_published=True,
            )
            for i in range(SIZES["quotes"])
        ],
        batch_size=BATCH,
    )


def _staff(username, password):
    User = get_user_model()
    admin = User.objects.create_superuser(username=username, email=f"{username}@example.org", password=password)
    reviewers = [
        User.objects.create_user(username=f"bench-reviewer-{i}", email=f"reviewer{i}@example.org", is_staff=True)
        for i in range(5)
    ]
    return [admin, *reviewers]


def _enquiries(rng, partnerships, staff):
    now = timezone.now()
    first = now - datetime.timedelta(days=3 * 365)
    span = (now - first).total_seconds()
    statuses = EnquiryStatus.values
    weights = [15, 10, 20, 10, 20, 25]
    # UK-side enquiries, as the form sends them (the constraints hold each side to its own choices).
    interests = [INTEREST_FIELDS[interest] for interest in SIDE_INTERESTS[EnquirySide.UK]]
    organisation_types = [kind.value for kind in SIDE_ORGANISATION_TYPES[EnquirySide.UK]]
    regions = [*UKRegion.values, "outside-uk"]
    surnames = ["Smith", "Jones", "Llewelyn", "Wang", "Li", "Patel", "O'Brien", "Zhang", "Evans", "Brown"]
    rows = []
    for i in range(SIZES["enquiries"]):
        created = first + datetime.timedelta(seconds=span * i / SIZES["enquiries"])
        status = rng.choices(statuses, weights=weights)[0]
        changed = created + datetime.timedelta(days=rng.randint(1, 20)) if status != EnquiryStatus.NEW else None
        enquiry = PartnershipEnquiry(
            reference=PartnershipEnquiry.make_reference(created.year, i + 1),
            submission_token=uuid.UUID(int=rng.getrandbits(128)),
            organisation_name=f"{rng.choice(['Borough', 'City', 'County'])} Council of Benchford {i % 700}",
            organisation_type=rng.choice(organisation_types),
            contact_name=f"{rng.choice(['Alex', 'Sam', 'Ffion', 'Wei', 'Priya'])} {rng.choice(surnames)}",
            job_title="International relations officer",
            email=f"contact{i}@council{i % 700}.example.org",
            phone="0115 496 0000",
            region=rng.choice(regions),
            partnership=partnerships[i % len(partnerships)] if i % 4 == 0 else None,
            message="We would like to explore a sister-city partnership with a city in Zhejiang. " * 3,
            language="en" if i % 5 else "zh-hans",
            privacy_agreed_at=created,
            created_at=created,
            status=status,
            status_changed_at=changed,
            closed_at=changed if status in CLOSED_ENQUIRY_STATUSES else None,
            owner=staff[i % len(staff)] if status != EnquiryStatus.NEW and i % 3 else None,
            staff_notified_at=created,
            acknowledged_at=created,
            email_attempts=1,
        )
        for field in rng.sample(interests, rng.randint(1, 2)):
            setattr(enquiry, field, True)
        rows.append(enquiry)
    enquiries = PartnershipEnquiry.objects.bulk_create(rows, batch_size=BATCH)
    notes, changes = [], []
    for i, enquiry in enumerate(enquiries):
        if enquiry.status == EnquiryStatus.NEW:
            continue
        if i % 2 == 0:
            notes.append(
                EnquiryNote(
                    enquiry=enquiry,
                    author=staff[0],
                    text="Called them; follow up next week.",
                    created_at=enquiry.status_changed_at,
                )
            )
        changes.append(
            EnquiryStatusChange(
                enquiry=enquiry,
                from_status=EnquiryStatus.NEW,
                to_status=enquiry.status,
                changed_by=staff[0],
                changed_at=enquiry.status_changed_at,
            )
        )
    EnquiryNote.objects.bulk_create(notes, batch_size=BATCH)
    EnquiryStatusChange.objects.bulk_create(changes, batch_size=BATCH)
