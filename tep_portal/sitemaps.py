"""What every app's sitemap shares: each URL once per language, with hreflang alternates.
tep_portal/urls.py composes /sitemap.xml from each app's SITEMAPS."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class TranslatedSitemap(Sitemap):
    # Each URL once per language, with hreflang alternates (prefix_default_language=False).
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(TranslatedSitemap):
    """Pages without a record behind them; `pages` lists (URL name, priority, change frequency)."""

    pages = []

    def items(self):
        return self.pages

    def location(self, item):
        return reverse(item[0])

    def priority(self, item):
        return item[1]

    def changefreq(self, item):
        return item[2]


class SitePagesSitemap(StaticPagesSitemap):
    """tep_portal's own pages."""

    pages = [("contact", 0.5, "yearly")]


SITEMAPS = {"site-pages": SitePagesSitemap}
