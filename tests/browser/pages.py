"""Every page type of the public site, in one list.

The browser tests (axe at phone and desktop sizes), the Nu Html Checker run and
scripts/screenshots.py all read PAGE_TYPES, so a new page type (or a /zh-hans/
variant) is added here once and is checked everywhere.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    name: str  # the test id and screenshot file name
    path: str
    status: int = 200
    # Submit the form on the page with nothing filled in, to check its error state.
    submit_empty: bool = False


PAGE_TYPES = [
    PageType("home", "/"),
    PageType("partnership-list", "/partnerships/"),
    PageType("partnership-search", "/partnerships/?q=ningbo"),
    PageType("partnership-search-empty", "/partnerships/?q=atlantis"),
    PageType("partnership-detail", "/partnerships/nottingham-ningbo/"),
    PageType("partnership-map", "/partnerships/map/"),
    PageType("partnership-map-filtered", "/partnerships/map/?region=east-midlands&year_from=abc"),
    PageType("open-data", "/data/"),
    PageType("school-list", "/schools/"),
    PageType("school-detail", "/schools/the-fernwood-school/"),
    PageType("timeline", "/timeline/"),
    PageType("about", "/about/"),
    PageType("process", "/process/"),
    PageType("benefits", "/benefits/"),
    PageType("privacy", "/privacy/"),
    PageType("contact", "/contact/"),
    # A partnership with no story or timeline: the thin layout.
    PageType("partnership-thin", "/partnerships/sheffield-anshan/"),
    PageType("register", "/register/"),
    # From a partnership's page, so the "my enquiry is about…" box is checked too.
    PageType("register-errors", "/register/?partnership=nottingham-ningbo", submit_empty=True),
    # The Chinese side: Chinese organisations seeking a UK partner (province, city, their own choices).
    PageType("uk-partner", "/register/uk-partner/"),
    PageType("uk-partner-errors", "/register/uk-partner/", submit_empty=True),
    PageType("not-found", "/partnerships/no-such-partnership/", status=404),
]

# The same page types in Simplified Chinese (a Chinese search term for the searches), so axe
# and the Nu checker see the Chinese layout, lang attributes and translated labels too.
CHINESE_PATHS = {"partnership-search": "/partnerships/?q=%E5%AE%81%E6%B3%A2"}  # 宁波
PAGE_TYPES += [
    PageType(f"{page.name}-zh", "/zh-hans" + CHINESE_PATHS.get(page.name, page.path), page.status, page.submit_empty)
    for page in PAGE_TYPES
]
