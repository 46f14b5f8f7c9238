from django.urls import path

from . import views

app_name = "enquiries"
urlpatterns = [
    path("register/", views.EnquiryCreateView.as_view(), name="register"),
    path("register/thanks/", views.EnquiryThanksView.as_view(), name="register-thanks"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
