"""The schools app's part of /sitemap.xml."""

from tep_portal.sitemaps import StaticPagesSitemap, TranslatedSitemap

from .models import UKSchool


class SchoolPagesSitemap(StaticPagesSitemap):
    pages = [("schools:list", 0.7, "monthly")]


class SchoolSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return UKSchool.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"school-pages": SchoolPagesSitemap, "schools": SchoolSitemap}
