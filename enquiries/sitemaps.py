"""The enquiries app's part of /sitemap.xml: the two forms and the privacy notice."""

from tep_portal.sitemaps import StaticPagesSitemap


class EnquiryPagesSitemap(StaticPagesSitemap):
    pages = [
        ("enquiries:register", 0.8, "monthly"),
        ("enquiries:uk-partner", 0.8, "monthly"),
        ("enquiries:privacy", 0.3, "yearly"),
    ]


SITEMAPS = {"enquiry-pages": EnquiryPagesSitemap}
