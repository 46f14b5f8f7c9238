from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from enquiries.sitemaps import SITEMAPS as ENQUIRY_SITEMAPS
from partnerships.sitemaps import SITEMAPS as PARTNERSHIP_SITEMAPS
from schools.sitemaps import SITEMAPS as SCHOOL_SITEMAPS

from . import views
from .organisation import ContactView
from .sitemaps import SITEMAPS as SITE_SITEMAPS

# The composition root: the one module that imports every app (README "Layout").
SITEMAPS = {**PARTNERSHIP_SITEMAPS, **SCHOOL_SITEMAPS, **ENQUIRY_SITEMAPS, **SITE_SITEMAPS}

admin.site.site_header = "TEP Portal administration"
admin.site.site_title = "TEP Portal admin"

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]

handler404 = "tep_portal.views.page_not_found"
handler500 = "tep_portal.views.server_error"

urlpatterns += i18n_patterns(
    path("", include("partnerships.urls")),
    path("schools/", include("schools.urls")),
    path("", include("enquiries.urls")),
    path("contact/", ContactView.as_view(), name="contact"),
    prefix_default_language=False,
)

if settings.BENCH_ENDPOINTS:
    # Only for `make bench` (TEP_BENCH=1); absent in real use.
    urlpatterns += [path("", include("tep_portal.bench"))]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
