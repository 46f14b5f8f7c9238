from django.urls import path

from . import views

app_name = "enquiries"
urlpatterns = [
    path("register/", views.EnquiryCreateView.as_view(), name="register"),
    path("register/thanks/", views.EnquiryThanksView.as_view(), name="register-thanks"),
    # The Chinese side: Chinese organisations seeking a UK partner.
    path("register/uk-partner/", views.UKPartnerEnquiryCreateView.as_view(), name="uk-partner"),
    path("register/uk-partner/thanks/", views.UKPartnerThanksView.as_view(), name="uk-partner-thanks"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
