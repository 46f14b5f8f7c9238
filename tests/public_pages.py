"""The public pages the tests walk through, listed once.

tests/browser/pages.py lists every page type (with its Chinese twin and its error states)
for the browser, HTML-validity and screenshot runs; this is the shorter list of pages that
show content, one of each kind, all in the demo content."""

CONTENT_PAGES = [
    "/",
    "/partnerships/",
    "/partnerships/nottingham-ningbo/",
    "/schools/",
    "/schools/the-fernwood-school/",
    "/timeline/",
    "/about/",
    "/process/",
    "/benefits/",
]
