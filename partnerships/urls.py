from django.urls import path

from . import views
from .feeds import TimelineFeed

app_name = "partnerships"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("partnerships/", views.PartnershipListView.as_view(), name="list"),
    path("partnerships/<slug:slug>/", views.PartnershipDetailView.as_view(), name="detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("timeline/feed/", TimelineFeed(), name="timeline-feed"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("process/", views.ProcessView.as_view(), name="process"),
    path("benefits/", views.BenefitsView.as_view(), name="benefits"),
]
