from django.urls import path

from . import views

app_name = "partnerships"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("partnerships/", views.PartnershipListView.as_view(), name="list"),
    path("partnerships/<slug:slug>/", views.PartnershipDetailView.as_view(), name="detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
]
