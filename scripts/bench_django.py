#!/usr/bin/env python3
"""The benchmark's side inside Django, run by scripts/bench.py in a process of its own with the
benchmark's environment (its database, production settings):

    bench_django.py generate       migrate, build the data set (bench_data.py), collectstatic
    bench_django.py map            the partnership map's SVG: size and render time
    bench_django.py tokens N       N enquiry form tokens, issued a minute ago
    bench_django.py count PREFIX   how many enquiries have an email address starting with PREFIX
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_django(env, command, argument=None):
    """Run one of the commands above with `env`; its output, or exit with its errors."""
    argv = [sys.executable, __file__, command, *([argument] if argument is not None else [])]
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    return done.stdout


def main(command=None, argument=None):
    if command not in ("generate", "map", "tokens", "count"):
        raise SystemExit(__doc__)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django

    django.setup()
    from django.core.management import call_command

    if command == "generate":
        from scripts.bench_data import generate

        call_command("migrate", verbosity=0)
        info = generate(admin_username="bench-admin", admin_password=os.environ["BENCH_ADMIN_PASSWORD"])
        call_command("collectstatic", verbosity=0, interactive=False)
        print("BENCH-INFO " + json.dumps(info))  # noqa: T201
    elif command == "map":
        from django.utils import translation

        translation.activate("en")
        print("BENCH-MAP " + json.dumps(map_figures()))  # noqa: T201
    elif command == "tokens":
        from enquiries.protection import issue_form_token

        issued = time.time() - 60
        print(" ".join(issue_form_token(issued_at=issued) for _ in range(int(argument))))  # noqa: T201
    elif command == "count":
        from enquiries.models import PartnershipEnquiry

        print(PartnershipEnquiry.objects.filter(email__startswith=argument).count())  # noqa: T201


def map_figures():
    """Inside Django on the bench database: the whole map and a filtered one."""
    import gzip

    from django.conf import settings
    from django.test import RequestFactory

    from partnerships import map_views, maps
    from partnerships.map_insets import INSETS
    from partnerships.models import Partnership, UKRegion

    land = sum(
        len(gzip.compress((Path(settings.BASE_DIR) / "static" / inset.land_file).read_bytes())) for inset in INSETS
    )
    cases = [
        ("whole map", Partnership.objects.published().with_places()),
        ("one region", Partnership.objects.published().filter(council__region=UKRegion.EAST_MIDLANDS)),
    ]
    figures = []
    for name, queryset in cases:
        reads, renders = [], []
        urls = map_views.FilteredMapUrls(RequestFactory().get("/partnerships/map/"))
        for _ in range(20):
            started = time.perf_counter()
            data = maps.map_data(queryset)
            read = time.perf_counter()
            svg = maps.render_svg(data, title=name, urls=urls)
            renders.append((time.perf_counter() - read) * 1000)
            reads.append((read - started) * 1000)
        figures.append(
            {
                "name": name,
                "partnerships": data.count,
                "lines": svg.count("map__line "),
                "read_ms": statistics.median(reads),
                "render_ms": statistics.median(renders),
                "gzip_bytes": len(gzip.compress(svg.encode())) + land,
            }
        )
    return figures


if __name__ == "__main__":
    main(*sys.argv[1:3])
