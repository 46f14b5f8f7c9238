from django.urls import path

from . import map_views, opendata, views
from .feeds import TimelineFeed

app_name = "partnerships"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("partnerships/", views.PartnershipListView.as_view(), name="list"),
    # Before the partnership pages, whose slug pattern would take "map".
    path("partnerships/map/", map_views.PartnershipMapView.as_view(), name="map"),
    path("partnerships.csv", opendata.partnerships_csv, name="data-csv"),
    path("partnerships.json", opendata.partnerships_json, name="data-json"),
    path("data/", opendata.OpenDataView.as_view(), name="data"),
    path("partnerships/<slug:slug>/", views.PartnershipDetailView.as_view(), name="detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("timeline/feed/", TimelineFeed(), name="timeline-feed"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("process/", views.ProcessView.as_view(), name="process"),
    path("benefits/", views.BenefitsView.as_view(), name="benefits"),
]
