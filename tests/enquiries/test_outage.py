"""A database outage while someone sends the form: a clear 503, their answers kept, never a 500."""

import re
from http import HTTPStatus

import pytest
from django.db import OperationalError, connection
from pytest_django.asserts import assertRedirects

from enquiries.models import PartnershipEnquiry
from tests.factories import PartnershipFactory

from .support import REGISTER_URL, THANKS_URL, post_enquiry

pytestmark = pytest.mark.django_db

SECRET_DETAIL = 'could not connect to server: Connection refused. Is the server running on host "db.internal"'


def database_down(execute, sql, params, many, context):
    """Every query fails as it does when PostgreSQL is unreachable (Django's own query hook, no mocks)."""
    raise OperationalError(SECRET_DETAIL)


def inserts_fail(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith("INSERT"):
        raise OperationalError(SECRET_DETAIL)
    return execute(sql, params, many, context)


def hidden_fields(html):
    form = re.search(r"<form method=\"post\".*?</form>", html, re.S).group(0)
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)


@pytest.mark.parametrize("failure", [database_down, inserts_fail], ids=["database down", "insert fails"])
def test_outage_when_sending_gives_503_not_sent_page_with_answers_kept(client, failure):
    with connection.execute_wrapper(failure):
        response = post_enquiry(client, organisation_name="Outage & Sons", contact_name="王小明")
    html = response.content.decode()
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "120"
    assert "no-store" in response["Cache-Control"]
    assert "Your enquiry has not been sent" in html
    assert "Try sending it again" in html  # the page itself rendered without the database
    fields = dict(hidden_fields(html))
    assert fields["organisation_name"] == "Outage &amp; Sons"
    assert fields["contact_name"] == "王小明"
    assert "db.internal" not in html and "Traceback" not in html
    assert PartnershipEnquiry.objects.count() == 0


def test_answers_kept_on_the_503_page_can_be_sent_again_once_the_database_is_back(client):
    with connection.execute_wrapper(database_down):
        html = post_enquiry(client, interests=["trade", "other"]).content.decode()
    data = {}
    for name, value in hidden_fields(html):
        data.setdefault(name, []).append(value.replace("&#x27;", "'").replace("&amp;", "&"))
    response = client.post(REGISTER_URL, data)
    assertRedirects(response, THANKS_URL, fetch_redirect_response=False)
    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.interests == ["trade", "other"]
    assert enquiry.contact_name == "Siân O'Brien"
    assert enquiry.message == "We would like to renew our link with Zhejiang.\r\nCould we talk next month?"


def test_the_blank_form_opens_without_the_database(client):
    # Nothing on it comes from the database; sending it during an outage is covered above.
    with connection.execute_wrapper(database_down):
        response = client.get(REGISTER_URL)
    assert response.status_code == HTTPStatus.OK
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_outage_when_opening_the_form_from_a_partnership_gives_503_not_500(client):
    partnership = PartnershipFactory()
    with connection.execute_wrapper(database_down):
        response = client.get(REGISTER_URL, {"partnership": partnership.slug})
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "Sorry, the form is unavailable" in response.content.decode()
