"""The partnerships app's part of /sitemap.xml."""

from tep_portal.sitemaps import StaticPagesSitemap, TranslatedSitemap

from .models import Partnership


class PagesSitemap(StaticPagesSitemap):
    pages = [
        ("partnerships:home", 1.0, "weekly"),
        ("partnerships:list", 0.9, "weekly"),
        ("partnerships:map", 0.7, "weekly"),
        ("partnerships:data", 0.5, "monthly"),
        ("partnerships:data-csv", 0.5, "weekly"),
        ("partnerships:data-json", 0.5, "weekly"),
        ("partnerships:timeline", 0.7, "weekly"),
        ("partnerships:about", 0.6, "monthly"),
        ("partnerships:process", 0.6, "monthly"),
        ("partnerships:benefits", 0.6, "monthly"),
    ]


class PartnershipSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Partnership.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "partnerships": PartnershipSitemap}
