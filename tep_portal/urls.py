from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from partnerships.sitemaps import SITEMAPS
from partnerships.views import robots_txt

from . import views

admin.site.site_header = "TEP Portal administration"
admin.site.site_title = "TEP Portal admin"

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

handler404 = "partnerships.views.page_not_found"
handler500 = "partnerships.views.server_error"

urlpatterns += i18n_patterns(
    path("", include("partnerships.urls")),
    path("schools/", include("schools.urls")),
    prefix_default_language=False,
)

if settings.BENCH_ENDPOINTS:
    # Only for `make bench` (TEP_BENCH=1); absent in real use.
    urlpatterns += [path("", include("tep_portal.bench"))]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
