"""A large set of partnerships for the map's budgets, shaped like `make bench`'s
(scripts/bench_data.py): 500 councils over the 12 UK regions, 40 provinces with
400 cities, 2,000 partnerships of which 1,800 are published."""

import random

from partnerships.models import ChinesePlace, ChinesePlaceKind, Council, LinkKind, LinkStatus, Partnership, UKRegion

LARGE = {"councils": 500, "provinces": 40, "cities": 400, "partnerships": 2000}


def build_large_map_data():
    rng = random.Random(2026)
    regions = list(UKRegion.values)
    councils = Council.objects.bulk_create(
        Council(
            name_en=f"Benchford {i}",
            name_zh_hans=f"本奇福德{i}",
            slug=f"bench-council-{i}",
            region=regions[i % len(regions)],
            latitude=round(rng.uniform(50.0, 58.5), 5),
            longitude=round(rng.uniform(-5.5, 1.7), 5),
        )
        for i in range(LARGE["councils"])
    )
    provinces = ChinesePlace.objects.bulk_create(
        ChinesePlace(name_en=f"Province {i}", slug=f"bench-province-{i}", kind=ChinesePlaceKind.PROVINCE)
        for i in range(LARGE["provinces"])
    )
    cities = ChinesePlace.objects.bulk_create(
        ChinesePlace(
            name_en=f"Bench City {i}",
            name_zh_hans=f"测试市{i}",
            slug=f"bench-city-{i}",
            province=provinces[i % len(provinces)],
            latitude=round(rng.uniform(20.0, 45.0), 5),
            longitude=round(rng.uniform(100.0, 122.0), 5),
        )
        for i in range(LARGE["cities"])
    )
    rows = []
    for i in range(LARGE["partnerships"]):
        council = councils[i % len(councils)]
        city = cities[(i % len(councils) + 97 * (i // len(councils))) % len(cities)]
        status = rng.choices(LinkStatus.values, weights=[85, 10, 5])[0]
        established = rng.randint(1980, 2020)
        rows.append(
            Partnership(
                slug=f"bench-{i}",
                council=council,
                chinese_place=city,
                kind=rng.choice(LinkKind.values),
                year_established=established,
                status=status,
                year_ended=established + 1 if status == LinkStatus.ENDED else None,
                is_published=i % 10 != 9,
            )
        )
    return Partnership.objects.bulk_create(rows)
