"""/sitemap.xml: every public page, in English and Simplified Chinese."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from schools.models import UKSchool

from .models import Partnership

STATIC_PAGES = [
    ("partnerships:home", 1.0, "weekly"),
    ("partnerships:list", 0.9, "weekly"),
    ("partnerships:map", 0.7, "weekly"),
    ("partnerships:data", 0.5, "monthly"),
    ("partnerships:data-csv", 0.5, "weekly"),
    ("partnerships:data-json", 0.5, "weekly"),
    ("schools:list", 0.7, "monthly"),
    ("partnerships:timeline", 0.7, "weekly"),
    ("partnerships:about", 0.6, "monthly"),
    ("partnerships:process", 0.6, "monthly"),
    ("partnerships:benefits", 0.6, "monthly"),
    ("partnerships:register", 0.8, "monthly"),
    ("partnerships:privacy", 0.3, "yearly"),
]


class TranslatedSitemap(Sitemap):
    # Each URL once per language, with hreflang alternates (prefix_default_language=False).
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(TranslatedSitemap):
    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item[0])

    def priority(self, item):
        return item[1]

    def changefreq(self, item):
        return item[2]


class PartnershipSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Partnership.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class SchoolSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return UKSchool.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": StaticPagesSitemap, "partnerships": PartnershipSitemap, "schools": SchoolSitemap}
