"""Load the demo content: the source page's facts and the sourced CSV rows.

Idempotent: each record has a key remembered in SeedRecord. A record already
loaded is never written again, so a second run creates nothing and keeps what
staff edited or deleted since.
"""

import csv
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify

from partnerships.default_pages import PRIVACY
from partnerships.models import (
    Area,
    Benefit,
    ChinesePlace,
    ChinesePlaceKind,
    Confidence,
    Council,
    LinkStatus,
    Page,
    Partnership,
    ProcessStep,
    Quote,
    Statistic,
    TimelineEvent,
    UKRegion,
)
from schools.models import ChineseSchool, SisterSchoolLink, UKSchool

from . import content
from .models import SeedRecord
from .source_notes import PUBLIC_SOURCE_NOTES

DATA_DIR = Path(__file__).parent / "data"

REGIONS = {label: value for value, label in UKRegion.choices}
LINK_KINDS = {
    "twin city": "twin-city",
    "sister city": "sister-city",
    "friendship city": "friendship-city",
    "friendship agreement": "friendship-agreement",
    "province link": "province-link",
}
# Province-level names as the CSV gives them (column chinese_province) → how the
# portal names the place. Municipalities are cities that are their own province.
AUTONOMOUS_REGION_NAMES = {"Guangxi": "Guangxi Zhuang Autonomous Region"}


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)

    def add(self, model):
        name = model._meta.verbose_name_plural
        self.created[str(name)] = self.created.get(str(name), 0) + 1

    @property
    def total(self):
        return sum(self.created.values())


def read_csv(name):
    with open(DATA_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def expand(**fields):
    """Turn translated dict values into name_en / name_zh_hans keyword arguments."""
    out = {}
    for name, value in fields.items():
        if isinstance(value, dict):
            for lang, text in value.items():
                out[f"{name}_{lang}"] = text
        else:
            out[name] = value
    return out


class Loader:
    def __init__(self):
        self.report = LoadReport()
        self.known = dict(SeedRecord.objects.values_list("key", "object_id"))
        self.places = {row["place"]: row for row in read_csv("places.csv")}

    def seed(self, key, model, *, lookup=None, m2m=None, **values):
        """Return (object, created). An already-seeded key returns the current row, or None if staff deleted it."""
        if key in self.known:
            return model.objects.filter(pk=self.known[key]).first(), False
        obj = model.objects.filter(**lookup).first() if lookup else None
        created = obj is None
        if created:
            obj = model(**(lookup or {}), **expand(**values))
            # Field validation here; uniqueness and constraints are the database's job.
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            for name, related in (m2m or {}).items():
                getattr(obj, name).set([r for r in related if r is not None])
            self.report.add(model)
        SeedRecord.objects.create(key=key, content_type=ContentType.objects.get_for_model(model), object_id=obj.pk)
        self.known[key] = obj.pk
        return obj, created

    def coordinates(self, place_name):
        row = self.places.get(place_name)
        if not row:
            return {"latitude": None, "longitude": None}
        return {"latitude": Decimal(row["lat"]), "longitude": Decimal(row["lon"])}

    def zh_name(self, place_name, fallback=""):
        row = self.places.get(place_name)
        return row["zh_name"] if row else fallback

    # Places ---------------------------------------------------------------
    def council(self, row):
        name = row["uk_place"]
        obj, _ = self.seed(
            f"council:{slugify(name)}",
            Council,
            lookup={"slug": slugify(name)},
            name={"en": name, "zh_hans": self.zh_name(name)},
            kind=row["uk_authority_type"],
            region=REGIONS[row["uk_region"]],
            **self.coordinates(name),
        )
        return obj

    def province(self, row):
        short, zh = row["chinese_province"], row["chinese_province_zh"]
        if short.endswith("(municipality)"):
            return None  # a municipality is its own province
        if zh.endswith("自治区"):
            name, kind = (
                AUTONOMOUS_REGION_NAMES.get(short, f"{short} Autonomous Region"),
                ChinesePlaceKind.AUTONOMOUS_REGION,
            )
        else:
            name, kind = f"{short} Province", ChinesePlaceKind.PROVINCE
        obj, _ = self.seed(
            f"chinese-place:{slugify(name)}",
            ChinesePlace,
            lookup={"slug": slugify(name)},
            name={"en": name, "zh_hans": zh},
            kind=kind,
            **self.coordinates(name),
        )
        return obj

    def chinese_place(self, row):
        name = row["chinese_place"]
        if name.endswith(" Province"):
            return self.province(row)
        is_municipality = row["chinese_province"].endswith("(municipality)")
        province = None if is_municipality else self.province(row)
        obj, _ = self.seed(
            f"chinese-place:{slugify(name)}",
            ChinesePlace,
            lookup={"slug": slugify(name)},
            name={"en": name, "zh_hans": row["chinese_place_zh"]},
            kind=ChinesePlaceKind.MUNICIPALITY if is_municipality else ChinesePlaceKind.CITY,
            province=province,
            **self.coordinates(name),
        )
        return obj

    # Partnerships -----------------------------------------------------------
    def partnerships(self):
        notes = {(r["uk_place"], r["chinese_place"]): r["note"] for r in read_csv("uk_china_partnerships_notes.csv")}
        areas = {
            a["slug"]: self.seed(
                a["key"], Area, lookup={"slug": a["slug"]}, name=a["name"], introduction=a["introduction"]
            )[0]
            for a in content.AREAS
        }
        rows = [(r, False) for r in read_csv("uk_china_partnerships.csv")]
        rows += [(r, True) for r in read_csv("uk_china_partnerships_ended.csv")]
        for row, ended in rows:
            council, place = self.council(row), self.chinese_place(row)
            if council is None or place is None:
                continue  # staff deleted one of the places: respect that
            slug = Partnership.slug_for(row["uk_place"], row["chinese_place"])
            story = dict(content.PARTNERSHIP_STORIES.get(slug, {}))
            area = areas.get(story.pop("area", None))
            year = int(row["year_established"]) if row["year_established"] else None
            # The CSV notes are internal research notes (staff only); visitors read the public ones.
            research_note = notes.get((row["uk_place"], row["chinese_place"]), "")
            if ended and row.get("note"):
                research_note = f"{research_note}\n{row['note']}".strip()
            public_note_en, public_note_zh = PUBLIC_SOURCE_NOTES.get(slug, ("", ""))
            story.setdefault("summary", default_summary(row, council, place, year, ended))
            self.seed(
                f"partnership:{slug}",
                Partnership,
                lookup={"slug": slug},
                council=council,
                chinese_place=place,
                area=area,
                kind=LINK_KINDS[row["link_type"]],
                year_established=year,
                status=LinkStatus.ENDED if ended else LinkStatus.ACTIVE,
                year_ended=int(row["year_ended"]) if ended else None,
                confidence=row["confidence"],
                source_url=row["source_url"],
                research_note=research_note,
                source_note={"en": public_note_en, "zh_hans": public_note_zh},
                # Low-confidence rows are drafts until staff confirm them.
                is_published=row["confidence"] != Confidence.LOW,
                **story,
            )

    def partnership(self, slug):
        return Partnership.objects.filter(slug=slug).first()

    # Schools, events and site copy ------------------------------------------
    def schools(self):
        ningbo = ChinesePlace.objects.filter(slug="ningbo").first()
        nottingham_ningbo = self.partnership(content.NOTTINGHAM_NINGBO)
        for school in content.SCHOOLS:
            council = Council.objects.filter(slug=school["council"]).first()
            uk_school, _ = self.seed(
                school["key"],
                UKSchool,
                lookup={"slug": school["slug"]},
                name=school["name"],
                council=council,
                town=school["town"],
                summary=school["summary"],
                is_published=True,  # new schools start as drafts; the demo's are public
            )
            if uk_school is None or ningbo is None:
                continue
            partner, _ = self.seed(
                f"{school['key']}:partner", ChineseSchool, name=content.PARTNER_SCHOOL_NAME, city=ningbo
            )
            if partner is not None:
                self.seed(
                    f"{school['key']}:link",
                    SisterSchoolLink,
                    uk_school=uk_school,
                    chinese_school=partner,
                    partnership=nottingham_ningbo,
                    year_started=2018,
                    activities=school["activities"],
                    is_published=True,
                )

    def events(self):
        for event in content.EVENTS:
            event = dict(event)
            key = event.pop("key")
            partnerships = [self.partnership(slug) for slug in event.pop("partnerships")]
            schools = [UKSchool.objects.filter(slug=s).first() for s in event.pop("schools", [])]
            self.seed(
                key,
                TimelineEvent,
                m2m={"partnerships": partnerships, "schools": schools},
                date=date.fromisoformat(event.pop("date")),
                is_published=event.pop("is_published", True),
                **event,
            )

    def site_copy(self):
        for quote in content.QUOTES:
            quote = dict(quote)
            quote.setdefault("is_published", True)  # new content starts as a draft; the demo's is public
            self.seed(quote.pop("key"), Quote, partnership=self.partnership(quote.pop("partnership")), **quote)
        for position, stat in enumerate(content.STATISTICS):
            stat = dict(stat)
            stat.setdefault("is_published", True)
            self.seed(stat.pop("key"), Statistic, position=position, **stat)
        for position, (title, title_zh, text, text_zh) in enumerate(content.PROCESS_STEPS):
            self.seed(
                f"process:{slugify(title)}",
                ProcessStep,
                position=position,
                is_published=True,
                title={"en": title, "zh_hans": title_zh},
                text={"en": text, "zh_hans": text_zh},
            )
        for position, (text, text_zh) in enumerate(content.BENEFITS):
            self.seed(
                f"benefit:{slugify(text)}",
                Benefit,
                position=position,
                is_published=True,
                text={"en": text, "zh_hans": text_zh},
            )
        # The privacy notice as first written (migration 0010 stores it too; a flushed database has none).
        for page in [*content.PAGES, PRIVACY]:
            page = dict(page)
            slug = page.pop("slug")
            self.seed(f"page:{slug}", Page, lookup={"slug": slug}, **page)


def default_summary(row, council, place, year, ended):
    kind = row["link_type"]
    if ended:
        return {
            "en": f"{council.name_en} and {place.name_en} had a {kind} link from {year} until {row['year_ended']}.",
            "zh_hans": f"{council.name_zh_hans or council.name_en}与{place.name_zh_hans}的友好关系始于{year}年，"
            f"于{row['year_ended']}年终止。",
        }
    since_en = f" since {year}" if year else ""
    since_zh = f"自{year}年起" if year else ""
    return {
        "en": f"{council.name_en} and {place.name_en} have had a {kind} link{since_en}.",
        "zh_hans": f"{council.name_zh_hans or council.name_en}与{place.name_zh_hans}{since_zh}建立了友好关系。",
    }


@transaction.atomic
def load_demo_content():
    # The CSV names regions and kinds by their English labels, which are lazy translations:
    # compared in English whatever language the calling thread last served a page in.
    with translation.override("en"):
        loader = Loader()
        loader.partnerships()
        loader.schools()
        loader.events()
        loader.site_copy()
    return loader.report
