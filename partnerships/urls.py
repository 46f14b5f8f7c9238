from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "partnerships"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("partnerships/", views.PartnershipListView.as_view(), name="list"),
    path("partnerships/<slug:slug>/", views.PartnershipDetailView.as_view(), name="detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    # Placeholders until the enquiry form lands (issue 4): names are the contract.
    path("register/", TemplateView.as_view(template_name="partnerships/placeholder.html"), name="register"),
    path(
        "register/thanks/", TemplateView.as_view(template_name="partnerships/placeholder.html"), name="register-thanks"
    ),
    path("privacy/", TemplateView.as_view(template_name="partnerships/placeholder.html"), name="privacy"),
]
