"""`make bench`'s places and partnerships (scripts/bench_data.py), for the map's budgets:
500 councils over the 12 UK regions, 40 provinces with 400 cities, 2,000
partnerships of which 1,800 are published."""

import random

from scripts.bench_data import SIZES, _partnerships, _places

LARGE = SIZES


def build_large_map_data():
    rng = random.Random(2026)
    councils, cities = _places(rng)
    return _partnerships(rng, councils, cities)
