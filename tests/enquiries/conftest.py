"""Every enquiry test runs with the enquiry settings it was written for, whatever the shell says
(`ENQUIRY_MIN_FILL_SECONDS=0`, the README's way to switch the time check off, must not change a
result). A test that is about one of these settings sets it itself."""

import pytest

PINNED_ENQUIRY_SETTINGS = {
    "ENQUIRY_MIN_FILL_SECONDS": 3,
    "ENQUIRY_RATE_LIMIT": "5/10m",
    "ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY": 3,
    "ENQUIRY_RETENTION_MONTHS": 24,
    "SIGNIN_LOG_RETENTION_DAYS": 90,
    "ENQUIRY_NOTIFY_EMAILS": ["enquiries@trueeducationpartnership.com"],
    "TRUSTED_PROXY_COUNT": 0,
    "TRUSTED_PROXY_NETWORKS": ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
}


@pytest.fixture(autouse=True)
def _pinned_enquiry_settings(settings):
    for name, value in PINNED_ENQUIRY_SETTINGS.items():
        setattr(settings, name, value)
